/// What a model without a pay-as-you-go price has instead, said plainly where a cost would stand: never "$0".
public struct Unpriced: Sendable, Hashable {
    /// Providers (by display name, in route order) that offer the model as a free tier, and as part of a plan.
    public var freeOn: [String]
    public var planOn: [String]
    /// True when some pay-as-you-go route lacks its input or its output price.
    public var incompletePaid: Bool
    public var hasRoutes: Bool

    init(_ routes: [Route], providers: [String: Provider]) {
        func names(_ kind: PriceKind) -> [String] {
            var seen = Set<String>(), result: [String] = []
            for route in routes where route.kind == kind {
                let name = providers[route.provider]?.name ?? route.provider
                if seen.insert(name).inserted { result.append(name) }
            }
            return result
        }
        freeOn = names(.free)
        planOn = names(.plan)
        incompletePaid = routes.contains { $0.kind == .payAsYouGo && !$0.isComplete }
        hasRoutes = !routes.isEmpty
    }

    /// A sentence for a cost card or a model page: "No pay-as-you-go price in the catalog; free tier on NVIDIA".
    public var sentence: String {
        guard hasRoutes else { return "No provider route in the catalog" }
        let lead =
            incompletePaid && offers.isEmpty
            ? "No pay-as-you-go route in the catalog has both an input and an output price"
            : "No pay-as-you-go price in the catalog"
        return ([lead] + offers).joined(separator: "; ")
    }

    /// A clause about the model `name` for a running sentence: "Kimi K2 has no pay-as-you-go price (free tier on
    /// NVIDIA)".
    public func clause(_ name: String) -> String {
        guard hasRoutes else { return "\(name) has no provider route in the catalog" }
        if offers.isEmpty { return "\(name)'s pay-as-you-go routes lack a complete input and output price" }
        return "\(name) has no pay-as-you-go price (\(offers.joined(separator: "; ")))"
    }

    /// Where the model can be had without a per-token price: "free tier on …", "included in plans on …".
    private var offers: [String] {
        (freeOn.isEmpty ? [] : ["free tier on \(Self.names(freeOn))"])
            + (planOn.isEmpty ? [] : ["included in plans on \(Self.names(planOn))"])
    }

    /// A few words for a card or a table cell.
    public var short: String {
        switch (freeOn.isEmpty, planOn.isEmpty) {
        case (false, true): return "Free tier only"
        case (true, false): return "Plans only"
        case (false, false): return "Free tier or plans only"
        case (true, true): return "No price in the catalog"
        }
    }

    /// At most three names, then how many more.
    static func names(_ names: [String]) -> String {
        guard names.count > 3 else { return Format.list(names) }
        return "\(names.prefix(3).joined(separator: ", ")) and \(names.count - 3) more"
    }
}
