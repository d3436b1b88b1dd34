/// `ModelFragments` in the byte layout of `FragmentStore`'s file. Everything a fragment holds is written; reading
/// gives back equal fragments (tested), or throws on anything malformed.
extension ModelFragments {
    func write(to writer: inout ByteWriter) {
        routeRows.write(to: &writer)
        writer.int(hiddenRoutes)
        for column in [scorecard, specs, capabilities] { column.write(to: &writer) }
        cost.card.write(to: &writer)
        writer.strings(cost.levels)
        writer.string(cost.cached)
        writer.bool(cost.hasCached)
        writer.string(cost.batch)
        writer.bool(cost.hasBatch)
        writer.int(related.count)
        for link in related {
            writer.string(link.other)
            writer.string(link.html)
        }
        writer.strings(disputes)
        writer.bool(priceMove != nil)
        if let priceMove {
            writer.strings([priceMove.text, priceMove.commitHref, priceMove.commit, priceMove.date])
        }
    }

    convenience init(reading reader: inout ByteReader) throws {
        let routeRows = try Fragment(reading: &reader)
        let hiddenRoutes = try reader.int()
        let scorecard = try Column(reading: &reader)
        let specs = try Column(reading: &reader)
        let capabilities = try Column(reading: &reader)
        let cost = Cost(
            card: try Fragment(reading: &reader), levels: try reader.strings(), cached: try reader.string(),
            hasCached: try reader.bool(), batch: try reader.string(), hasBatch: try reader.bool())
        let related = try reader.list { reader in (other: try reader.string(), html: try reader.string()) }
        self.init(
            routeRows: routeRows, hiddenRoutes: hiddenRoutes, scorecard: scorecard, specs: specs, capabilities: capabilities,
            cost: cost, related: related, disputes: try reader.strings(), priceMove: try Self.priceMove(reading: &reader))
    }

    private static func priceMove(reading reader: inout ByteReader) throws -> PriceMoveLine? {
        guard try reader.bool() else { return nil }
        let parts = try reader.strings()
        guard parts.count == 4 else { throw ByteReader.Malformed() }
        return PriceMoveLine(text: parts[0], commitHref: parts[1], commit: parts[2], date: parts[3])
    }
}

extension ModelFragments.Fragment {
    func write(to writer: inout ByteWriter) {
        writer.string(html)
        SourceReference.write(cited, to: &writer)
    }

    init(reading reader: inout ByteReader) throws {
        self.init(html: try reader.string(), cited: try SourceReference.read(from: &reader))
    }
}

extension ModelFragments.Column {
    func write(to writer: inout ByteWriter) {
        writer.strings(labels)
        writer.strings(cells)
        SourceReference.write(cited, to: &writer)
        writer.strings(leftRows)
        writer.int(empty.count)
        for value in empty { writer.bool(value) }
    }

    init(reading reader: inout ByteReader) throws {
        labels = try reader.strings()
        cells = try reader.strings()
        cited = try SourceReference.read(from: &reader)
        leftRows = try reader.strings()
        empty = try reader.list { try $0.bool() }
    }
}

extension SourceReference {
    static func write(_ references: [SourceReference], to writer: inout ByteWriter) {
        writer.int(references.count)
        for reference in references {
            switch reference {
            case let .registered(id):
                writer.bool(false)
                writer.string(id)
            case let .web(url):
                writer.bool(true)
                writer.string(url)
            }
        }
    }

    static func read(from reader: inout ByteReader) throws -> [SourceReference] {
        try reader.list { reader in try reader.bool() ? .web(try reader.string()) : .registered(try reader.string()) }
    }
}
