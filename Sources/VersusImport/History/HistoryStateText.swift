import Foundation

/// The text of `history/.state`: a header line, the last commit read, then each route (sorted by path) with the files
/// its prices were read from and its changes, one per line, fields separated by tabs:
///
///     versus-history-state 3
///     commit <hash>
///     route <path>
///     dep <path>
///     who <date> <commit> <base_model> <name>
///     at <date> <commit> gone
///     at <date> <commit> <input> <output> <cached input> <cache write> <free: 0 or 1> <tiers>
///
/// `who` gives the fields that link the route to a model from a day on, an empty field for one the file did not give
/// (tabs and line breaks in them become spaces). A price not given is `-`; tiers are `-` or `<above>:<input>:<output>:<cached input>:<cache write>` joined by `,`.
/// Anything unreadable makes the whole file unreadable: the import then starts from the first commit.
enum HistoryStateText {
    static let header = "versus-history-state 3"

    static func write(_ state: HistoryState) -> String {
        var lines = [header]
        if let commit = state.commit { lines.append("commit\t\(commit)") }
        func price(_ value: String?) -> String { value ?? "-" }
        func field(_ value: String?) -> String {
            String((value ?? "").map { $0 == "\t" || $0.isNewline ? " " : $0 })
        }
        for path in state.routes.keys.sorted() {
            let track = state.routes[path]!
            lines.append("route\t\(path)")
            for file in track.dependencies { lines.append("dep\t\(file)") }
            for entry in track.identities {
                lines.append(
                    "who\t\(entry.date)\t\(entry.commit)\t\(field(entry.identity.baseModel))\t\(field(entry.identity.name))")
            }
            for change in track.changes {
                guard let prices = change.prices else {
                    lines.append("at\t\(change.date)\t\(change.commit)\tgone")
                    continue
                }
                let tiers =
                    prices.tiers.isEmpty
                    ? "-"
                    : prices.tiers.map { tier in
                        ["\(tier.aboveTokens)", price(tier.input), price(tier.output), price(tier.cachedInput), price(tier.cacheWrite)]
                            .joined(separator: ":")
                    }.joined(separator: ",")
                lines.append(
                    [
                        "at", change.date, change.commit, price(prices.input), price(prices.output), price(prices.cachedInput),
                        price(prices.cacheWrite), prices.free ? "1" : "0", tiers,
                    ].joined(separator: "\t"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Read on bytes, not characters: the file has tens of thousands of lines, and a resumed import reads it first.
    static func read(_ data: Data) -> HistoryState? {
        let bytes = [UInt8](data)
        var lines = bytes.split(separator: 10, omittingEmptySubsequences: true)[...]
        guard let first = lines.first, first.elementsEqual(header.utf8) else { return nil }
        lines = lines.dropFirst()
        var state = HistoryState()
        var path: String?
        var track = RouteTrack()
        func finish() {
            if let path { state.routes[path] = track }
            track = RouteTrack()
        }
        func text(_ field: ArraySlice<UInt8>) -> String { String(decoding: field, as: UTF8.self) }
        func price(_ field: ArraySlice<UInt8>) -> String? { field.count == 1 && field.first == 45 ? nil : text(field) }
        for line in lines {
            let fields = line.split(separator: 9, omittingEmptySubsequences: false)
            switch text(fields[0]) {
            case "commit" where fields.count == 2: state.commit = text(fields[1])
            case "route" where fields.count == 2:
                finish()
                path = text(fields[1])
            case "dep" where fields.count == 2 && path != nil: track.dependencies.append(text(fields[1]))
            case "who" where fields.count == 5 && path != nil:
                track.identities.append(
                    RouteTrack.IdentitySince(
                        date: text(fields[1]), commit: text(fields[2]),
                        identity: RouteIdentity(
                            baseModel: fields[3].isEmpty ? nil : text(fields[3]), name: fields[4].isEmpty ? nil : text(fields[4]))))
            case "at" where fields.count == 4 && text(fields[3]) == "gone" && path != nil:
                track.changes.append(HistoryChange(date: text(fields[1]), commit: text(fields[2]), prices: nil))
            case "at" where fields.count == 9 && path != nil:
                var tiers: [HistoryPrices.Tier] = []
                if price(fields[8]) != nil {
                    for item in fields[8].split(separator: 44) {
                        let parts = item.split(separator: 58, omittingEmptySubsequences: false)
                        guard parts.count == 5, let above = Int(text(parts[0])) else { return nil }
                        tiers.append(
                            HistoryPrices.Tier(
                                aboveTokens: above, input: price(parts[1]), output: price(parts[2]), cachedInput: price(parts[3]),
                                cacheWrite: price(parts[4])))
                    }
                }
                let prices = HistoryPrices(
                    input: price(fields[3]), output: price(fields[4]), cachedInput: price(fields[5]), cacheWrite: price(fields[6]),
                    tiers: tiers, free: text(fields[7]) == "1")
                track.changes.append(HistoryChange(date: text(fields[1]), commit: text(fields[2]), prices: prices))
            default:
                return nil
            }
        }
        finish()
        return state
    }
}
