import Foundation
import VersusCore

/// A change report as the import prints it and as it writes `Content/changes/<date>.yaml`.
public enum ChangeReportFormat {
    /// The printed report, one change a line:
    ///
    ///     Changes since the models.dev snapshot of 2026-05-01:
    ///       price  gpt-5 on openai (gpt-5): input 1.25 → 1.5 USD per 1M tokens (+20%)
    ///       model added  gpt-6
    ///       pair pages touched: 412
    public static func lines(_ report: ChangeReport) -> [String] {
        var lines = ["Changes since the models.dev snapshot of \(report.previous.map { "\($0)" } ?? "the previous import"):"]
        for change in report.priceChanges { lines.append("  price  " + describe(change)) }
        for id in report.modelsAdded { lines.append("  model added  \(id)") }
        for id in report.modelsRemoved { lines.append("  model removed  \(id)") }
        for route in report.routesAdded { lines.append("  route added  \(describe(route))") }
        for route in report.routesRemoved { lines.append("  route removed  \(describe(route))") }
        if let pages = report.pairPages { lines.append("  pair pages touched: \(pages)") }
        return lines
    }

    public static func describe(_ route: RouteChange) -> String {
        "\(route.model) on \(route.provider)" + (route.modelID.map { " (\(OneLine.text($0)))" } ?? "")
    }

    public static func describe(_ change: PriceChange) -> String {
        var text = describe(change.route) + ": " + change.kind.label
        if let above = change.aboveTokens { text += " above \(above) tokens" }
        switch (change.old, change.new) {
        case let (old?, new?):
            text += " \(YAMLWriter.number(old)) → \(YAMLWriter.number(new)) USD per 1M tokens"
            if let percent = change.percent { text += " (" + (percent > 0 ? "+" : "") + YAMLWriter.number(percent) + "%)" }
        case let (old?, nil):
            text += " \(YAMLWriter.number(old)) USD per 1M tokens → no longer listed"
        case let (nil, new?):
            text += " newly listed at \(YAMLWriter.number(new)) USD per 1M tokens"
        case (nil, nil):
            text += " not listed in either snapshot"
        }
        let old = change.oldKind ?? .payAsYouGo, new = change.newKind ?? .payAsYouGo
        if old != new {
            text += " (was \(old.label.lowercased()), now \(new.label.lowercased()))"
        } else if old != .payAsYouGo {
            text += " (\(old.label.lowercased()), not sold per token)"
        }
        return text
    }

    /// `Content/changes/<date>.yaml`, in the schema docs/catalog.md describes.
    public static func yaml(_ report: ChangeReport) -> String {
        var map = YAMLMapping()
        map.add("date", .date(report.date))
        map.add("previous", report.previous.map(YAMLValue.date))
        map.add("source", report.source.map { .text($0.key) })
        map.add("pair_pages", report.pairPages.map(YAMLValue.integer))
        map.add(
            "prices",
            .sequence(
                report.priceChanges.map { change in
                    var entry = route(change.route)
                    entry.add("price", .scalar(change.kind.rawValue))
                    entry.add("above_tokens", change.aboveTokens.map(YAMLValue.integer))
                    entry.add("old", change.old.map(YAMLValue.number))
                    entry.add("new", change.new.map(YAMLValue.number))
                    if !change.isPayAsYouGo {
                        entry.add("old_kind", .scalar((change.oldKind ?? .payAsYouGo).rawValue))
                        entry.add("new_kind", .scalar((change.newKind ?? .payAsYouGo).rawValue))
                    }
                    entry.add("percent", change.percent.map(YAMLValue.number))
                    return entry.value
                }))
        map.add("models_added", .sequence(report.modelsAdded.map { .scalar($0) }))
        map.add("models_removed", .sequence(report.modelsRemoved.map { .scalar($0) }))
        map.add("routes_added", .sequence(report.routesAdded.map { route($0).value }))
        map.add("routes_removed", .sequence(report.routesRemoved.map { route($0).value }))
        return YAMLWriter.document(
            map.value,
            comment: [
                "What the import of the models.dev snapshot of \(report.date) changed; written by `versus import models.dev`."
            ])
    }

    private static func route(_ route: RouteChange) -> YAMLMapping {
        var map = YAMLMapping()
        map.add("model", .scalar(route.model))
        map.add("provider", .scalar(route.provider))
        map.add("model_id", route.modelID.map(YAMLValue.text))
        return map
    }
}
