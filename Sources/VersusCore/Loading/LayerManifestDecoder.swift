/// Reads `Content/imports/<layer>/source.yaml`.
enum LayerManifestDecoder {
    static let keys = ["id", "title", "publisher", "url", "date", "commit", "ids"]

    static func decode(_ node: YAMLNode?, layer: String, file: String, _ diagnostics: inout [Diagnostic]) -> ImportLayerManifest? {
        guard let node else {
            diagnostics.append(.error(SourceLocation(file: file), "source.yaml is empty", fix: "run the import again"))
            return nil
        }
        guard
            let reader = FieldReader(
                node, what: "the source of import layer `\(layer)`", keys: keys,
                diagnostics: &diagnostics)
        else { return nil }
        let id = reader.id("id", required: true, &diagnostics)
        let title = reader.string("title", required: true, &diagnostics)
        let date = reader.date("date", required: true, &diagnostics)
        let source = Source(
            id: id ?? layer, title: title ?? layer, url: reader.url("url", &diagnostics),
            publisher: reader.string("publisher", &diagnostics), date: date, location: node.location)
        let commit = reader.string("commit", &diagnostics)
        var ids: [String: String] = [:]
        if let mapping = reader.value("ids") {
            if let entries = mapping.entries {
                var owners: [String: String] = [:]
                for entry in entries {
                    guard let value = Scalars.id(entry.value, field: "ids", &diagnostics) else { continue }
                    if let other = owners[value] {
                        diagnostics.append(
                            .error(
                                entry.value.location,
                                "`ids` gives \(Scalars.code(value)) to both \(Scalars.quoted(other)) and \(Scalars.quoted(entry.key))",
                                fix: "each imported model needs its own id; run the import again"))
                        continue
                    }
                    owners[value] = entry.key
                    ids[entry.key] = value
                }
            } else {
                diagnostics.append(
                    .error(mapping.location, "`ids` must be a mapping of upstream id: catalog id, found \(mapping.kindName)"))
            }
        }
        guard id != nil, title != nil, date != nil else { return nil }
        return ImportLayerManifest(layer: layer, source: source, commit: commit, ids: ids, location: node.location)
    }
}
