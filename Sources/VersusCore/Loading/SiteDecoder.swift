import Foundation

enum SiteDecoder {
    static let keys = [
        "title", "base_url", "language", "description", "traffic", "traffic_levels",
        "review_max_age_days", "pair_route_rows", "capabilities", "pairs", "allow_raw_html",
    ]

    static func decode(_ node: YAMLNode?, file: String, _ diagnostics: inout [Diagnostic]) -> SiteSettings? {
        guard let node else {
            diagnostics.append(.error(SourceLocation(file: file), "site.yaml is empty", fix: "add at least `title:` and `base_url:`"))
            return nil
        }
        guard let reader = FieldReader(node, what: "site.yaml", keys: keys, diagnostics: &diagnostics) else { return nil }
        let title = reader.string("title", required: true, &diagnostics)
        var baseURL = reader.url("base_url", required: true, &diagnostics)
        while baseURL?.hasSuffix("/") == true { baseURL?.removeLast() }
        let language = reader.string("language", &diagnostics) ?? "en"
        if !language.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }) || language.count > 20 {
            diagnostics.append(
                .error(
                    reader.keyLocation("language"), "`language` \(Scalars.quoted(language)) is not a language tag",
                    fix: "use a BCP 47 tag such as en or en-GB"))
        }
        var traffic = SiteSettings.defaultTraffic
        if let node = reader.value("traffic"), let level = trafficLevel(node, field: "traffic", &diagnostics) {
            traffic = level
        }
        let levels = reader.list("traffic_levels", &diagnostics).compactMap { trafficLevel($0, field: "traffic_levels", &diagnostics) }
        let maxAge = reader.integer("review_max_age_days", minimum: 1, &diagnostics) ?? 180
        let routeRows = reader.integer("pair_route_rows", minimum: 1, &diagnostics) ?? SiteSettings.defaultPairRouteRows

        var capabilities = SiteSettings.defaultCapabilities
        if reader.has("capabilities") {
            var seen: [String: SourceLocation] = [:]
            capabilities = reader.list("capabilities", &diagnostics).compactMap { item in
                guard let row = FieldReader(item, what: "a capability row", keys: ["id", "name"], diagnostics: &diagnostics),
                    let id = row.id("id", required: true, &diagnostics),
                    let name = row.string("name", required: true, &diagnostics)
                else { return nil }
                if let first = seen[id] {
                    diagnostics.append(
                        .error(
                            item.location, "capability `\(id)` is listed twice (first at line \(first.line))",
                            fix: "remove one of them"))
                    return nil
                }
                seen[id] = item.location
                return CapabilityDefinition(id: id, name: name)
            }
        }

        var pairs = PairSelection.all
        if let value = reader.value("pairs") {
            if let items = value.items {
                pairs = .list(
                    items.compactMap { item in
                        guard let text = Scalars.string(item, field: "pairs", &diagnostics) else { return nil }
                        guard text.contains("-vs-") else {
                            diagnostics.append(
                                .error(
                                    item.location, "pair \(Scalars.quoted(text)) is not written as `a-vs-b`",
                                    fix: "name the two model ids joined by -vs-, such as gpt-5-mini-vs-qwen3-5-flash"))
                            return nil
                        }
                        return PairRequest(slug: text, location: item.location)
                    })
            } else {
                switch value.scalarText {
                case "all": pairs = .all
                case "shared-tag": pairs = .sharedTag
                default:
                    diagnostics.append(
                        .error(
                            value.location, "`pairs` cannot be \(Scalars.describe(value))",
                            fix: "use all, shared-tag, or a list of `a-vs-b` slugs"))
                }
            }
        }

        let allowRawHTML = reader.bool("allow_raw_html", &diagnostics) ?? false
        guard let title, let baseURL else { return nil }
        return SiteSettings(
            title: title, baseURL: baseURL, language: language,
            description: reader.string("description", &diagnostics),
            traffic: traffic, trafficLevels: levels, reviewMaxAgeDays: maxAge, pairRouteRows: routeRows,
            capabilities: capabilities, pairs: pairs, allowRawHTML: allowRawHTML, location: node.location)
    }

    static func trafficLevel(_ node: YAMLNode, field: String, _ diagnostics: inout [Diagnostic]) -> TrafficLevel? {
        guard
            let reader = FieldReader(
                node, what: "a traffic level", keys: ["name", "input_millions", "output_millions"],
                diagnostics: &diagnostics)
        else { return nil }
        let name = reader.string("name", &diagnostics)
        guard let input = reader.decimal("input_millions", required: true, &diagnostics),
            let output = reader.decimal("output_millions", required: true, &diagnostics)
        else { return nil }
        if input < 0 || output < 0 {
            diagnostics.append(.error(node.location, "traffic cannot be negative"))
            return nil
        }
        return TrafficLevel(name: name ?? "\(input)M input + \(output)M output", inputMillions: input, outputMillions: output)
    }
}
