import Foundation

/// Reads figures: a bare number, a `{value, approximate, source, date, note}` mapping, or a list of those.
enum FigureDecoder {
    static let keys = ["value", "approximate", "source", "date", "note"]

    static func decimal(
        _ node: YAMLNode, field: String, defaultSource: SourceReference?, defaultDate: ISODate?,
        nonNegative: Bool = false, _ diagnostics: inout [Diagnostic]
    ) -> Figure<Decimal>? {
        read(node, field: field, defaultSource: defaultSource, defaultDate: defaultDate, &diagnostics) { value, diagnostics in
            guard let number = Scalars.decimal(value, field: field, &diagnostics) else { return nil }
            if nonNegative && number < 0 {
                diagnostics.append(
                    .error(
                        value.location, "`\(field)` cannot be negative, found \(number)",
                        fix: "prices are USD per 1M tokens; leave the key out when unknown"))
                return nil
            }
            return number
        }
    }

    static func integer(
        _ node: YAMLNode, field: String, defaultSource: SourceReference?, defaultDate: ISODate?,
        minimum: Int = 1, _ diagnostics: inout [Diagnostic]
    ) -> Figure<Int>? {
        read(node, field: field, defaultSource: defaultSource, defaultDate: defaultDate, &diagnostics) { value, diagnostics in
            Scalars.integer(value, field: field, minimum: minimum, &diagnostics)
        }
    }

    private static func read<T>(
        _ node: YAMLNode, field: String, defaultSource: SourceReference?, defaultDate: ISODate?,
        _ diagnostics: inout [Diagnostic],
        parse: (YAMLNode, inout [Diagnostic]) -> T?
    ) -> Figure<T>? {
        let nodes = node.items ?? [node]
        if nodes.isEmpty {
            diagnostics.append(.error(node.location, "`\(field)` is an empty list", fix: "give at least one value or remove the key"))
            return nil
        }
        var values: [SourcedValue<T>] = []
        var failed = false
        for item in nodes {
            if item.scalarText != nil {
                guard let value = parse(item, &diagnostics) else { failed = true; continue }
                values.append(SourcedValue(value: value, source: defaultSource, date: defaultDate, location: item.location))
                continue
            }
            guard let reader = FieldReader(item, what: "a value of `\(field)`", keys: keys, diagnostics: &diagnostics) else {
                failed = true
                continue
            }
            guard let valueNode = reader.value("value") else {
                reader.missing("value", &diagnostics)
                failed = true
                continue
            }
            guard let value = parse(valueNode, &diagnostics) else { failed = true; continue }
            let source = reader.string("source", &diagnostics).map(SourceReference.init) ?? defaultSource
            values.append(
                SourcedValue(
                    value: value,
                    approximate: reader.bool("approximate", &diagnostics) ?? false,
                    source: source,
                    date: reader.date("date", &diagnostics) ?? defaultDate,
                    note: reader.string("note", &diagnostics),
                    location: valueNode.location))
        }
        if failed || values.isEmpty { return nil }
        return Figure(values)
    }
}
