import Foundation

/// Decoders for the small catalog files: sources, providers and benchmarks.
enum SourcesDecoder {
    static let keys = ["id", "title", "publisher", "url", "date", "reports"]

    static func decode(_ node: YAMLNode?, _ diagnostics: inout [Diagnostic]) -> [Source] {
        guard let node else { return [] }
        guard let items = node.items else {
            diagnostics.append(
                .error(
                    node.location, "sources.yaml must be a list of sources, found \(node.kindName)",
                    fix: "start each source with `- id: …`"))
            return []
        }
        return items.compactMap { item in
            guard let reader = FieldReader(item, what: "a source", keys: keys, diagnostics: &diagnostics) else { return nil }
            let id = reader.id("id", required: true, &diagnostics)
            let title = reader.string("title", required: true, &diagnostics)
            let publisher = reader.string("publisher", &diagnostics)
            let url = reader.url("url", &diagnostics)
            let date = reader.date("date", &diagnostics)
            let reports = reader.choice("reports", as: BenchmarkReporter.self, &diagnostics)
            guard let id, let title else { return nil }
            return Source(
                id: id, title: title, url: url, publisher: publisher, date: date, location: item.location,
                reports: reports)
        }
    }
}

enum ProviderDecoder {
    static let keys = ["id", "name", "kind", "url", "openai_compatible", "price_kind"]

    static func decode(_ node: YAMLNode?, id: String, file: String, _ diagnostics: inout [Diagnostic]) -> Provider? {
        guard let node else {
            diagnostics.append(.error(SourceLocation(file: file), "provider file is empty", fix: "add at least `name:` and `kind:`"))
            return nil
        }
        guard let reader = FieldReader(node, what: "provider `\(id)`", keys: keys, diagnostics: &diagnostics) else { return nil }
        if let written = reader.id("id", &diagnostics), written != id {
            diagnostics.append(
                .error(
                    reader.keyLocation("id"), "`id: \(written)` does not match the file name `\(id)`",
                    fix: "rename the file or remove the `id` key"))
        }
        let name = reader.string("name", required: true, &diagnostics)
        let kind = reader.choice("kind", as: Provider.Kind.self, required: true, &diagnostics)
        let url = reader.url("url", &diagnostics)
        let compatible = reader.bool("openai_compatible", &diagnostics)
        let priceKind = reader.choice("price_kind", as: PriceKind.self, &diagnostics)
        guard let name, let kind else { return nil }
        return Provider(
            id: id, name: name, kind: kind, url: url, openAICompatible: compatible, location: node.location,
            priceKind: priceKind)
    }
}

enum BenchmarksDecoder {
    static let keys = ["id", "name", "category", "unit", "higher_is_better", "url", "aliases"]

    static func decode(_ node: YAMLNode?, _ diagnostics: inout [Diagnostic]) -> [Benchmark] {
        guard let node else { return [] }
        guard let items = node.items else {
            diagnostics.append(
                .error(
                    node.location, "benchmarks.yaml must be a list of benchmarks, found \(node.kindName)",
                    fix: "start each benchmark with `- id: …`"))
            return []
        }
        return items.compactMap { item in
            guard let reader = FieldReader(item, what: "a benchmark", keys: keys, diagnostics: &diagnostics) else { return nil }
            let id = reader.id("id", required: true, &diagnostics)
            let name = reader.string("name", required: true, &diagnostics)
            let category = reader.choice("category", as: Benchmark.Category.self, required: true, &diagnostics)
            let unit = reader.choice("unit", as: Benchmark.Unit.self, &diagnostics) ?? .score
            let higher = reader.bool("higher_is_better", &diagnostics) ?? true
            let url = reader.url("url", &diagnostics)
            let aliases = reader.strings("aliases", &diagnostics)
            guard let id, let name, let category else { return nil }
            return Benchmark(
                id: id, name: name, category: category, unit: unit, higherIsBetter: higher, url: url,
                aliases: aliases, location: item.location)
        }
    }
}
