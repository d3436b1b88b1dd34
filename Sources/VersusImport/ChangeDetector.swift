import Foundation
import VersusCore

/// Compares the models of the previous import layer with the new one: prices that changed, models and routes
/// added and removed, and which models changed at all (their pair pages change). Dates and places in files are
/// ignored: a new snapshot date alone changes nothing.
struct ChangeDetector {
    var old: [Model]
    var new: [Model]
    /// The providers of each snapshot, by id: a route's kind can come from its provider (a plan provider).
    var oldProviders: [String: Provider] = [:]
    var newProviders: [String: Provider] = [:]

    struct Outcome {
        var report: ChangeReport
        /// Models whose imported data differs (added ones included).
        var changedModels: Set<String>
    }

    func compare(date: ISODate, previous: ISODate?, source: String, file: String) -> Outcome {
        let location = SourceLocation(file: file)
        var report = ChangeReport(date: date, previous: previous, source: SourceReference(source), location: location)
        let oldModels = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newModels = Dictionary(new.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        report.modelsAdded = newModels.keys.filter { oldModels[$0] == nil }.sorted()
        report.modelsRemoved = oldModels.keys.filter { newModels[$0] == nil }.sorted()
        var changed = Set(report.modelsAdded)

        for id in newModels.keys.sorted() {
            guard let before = oldModels[id], let after = newModels[id] else { continue }
            if Self.facts(before) != Self.facts(after) { changed.insert(id) }
            let oldRoutes = Dictionary(before.routes.map { (Self.key($0), $0) }, uniquingKeysWith: { first, _ in first })
            let newRoutes = Dictionary(after.routes.map { (Self.key($0), $0) }, uniquingKeysWith: { first, _ in first })
            for key in newRoutes.keys.sorted(by: Self.order) where oldRoutes[key] == nil {
                report.routesAdded.append(RouteChange(model: id, provider: key.provider, modelID: key.modelID, location: location))
            }
            for key in oldRoutes.keys.sorted(by: Self.order) where newRoutes[key] == nil {
                report.routesRemoved.append(RouteChange(model: id, provider: key.provider, modelID: key.modelID, location: location))
            }
            for key in newRoutes.keys.sorted(by: Self.order) {
                guard let was = oldRoutes[key], let now = newRoutes[key] else { continue }
                let route = RouteChange(model: id, provider: key.provider, modelID: key.modelID, location: location)
                report.priceChanges += Self.prices(
                    was, now,
                    kinds: (
                        PriceKind.resolve(was, provider: oldProviders[key.provider]),
                        PriceKind.resolve(now, provider: newProviders[key.provider])
                    ),
                    route: route, location: location)
            }
        }
        return Outcome(report: report, changedModels: changed)
    }

    struct RouteKey: Hashable {
        var provider: String
        var modelID: String?
    }

    static func key(_ route: Route) -> RouteKey { RouteKey(provider: route.provider, modelID: route.modelID) }

    static func order(_ a: RouteKey, _ b: RouteKey) -> Bool { (a.provider, a.modelID ?? "") < (b.provider, b.modelID ?? "") }

    /// Every price of the two versions of a route that differs, in a fixed order: the base prices, then each tier.
    /// Each carries the route's kinds when either is not pay-as-you-go; a change of kind alone (a provider that
    /// starts selling plans) is reported on the input price, unchanged.
    static func prices(
        _ old: Route, _ new: Route, kinds: (old: PriceKind, new: PriceKind) = (.payAsYouGo, .payAsYouGo), route: RouteChange,
        location: SourceLocation
    ) -> [PriceChange] {
        var changes: [PriceChange] = []
        let sold = kinds.old == .payAsYouGo && kinds.new == .payAsYouGo
        func compare(_ kind: PriceChange.Kind, _ a: Figure<Decimal>?, _ b: Figure<Decimal>?, above: Int? = nil) {
            if a?.value != b?.value {
                changes.append(
                    PriceChange(
                        route: route, kind: kind, aboveTokens: above, old: a?.value, new: b?.value, oldKind: sold ? nil : kinds.old,
                        newKind: sold ? nil : kinds.new, location: location))
            }
        }
        compare(.input, old.input, new.input)
        compare(.output, old.output, new.output)
        compare(.cachedInput, old.cachedInput, new.cachedInput)
        compare(.cacheWrite, old.cacheWrite, new.cacheWrite)
        compare(.batchInput, old.batchInput, new.batchInput)
        compare(.batchOutput, old.batchOutput, new.batchOutput)
        let thresholds = Set(old.tiers.map(\.aboveTokens)).union(new.tiers.map(\.aboveTokens)).sorted()
        for above in thresholds {
            let a = old.tiers.first { $0.aboveTokens == above }, b = new.tiers.first { $0.aboveTokens == above }
            compare(.input, a?.input, b?.input, above: above)
            compare(.output, a?.output, b?.output, above: above)
            compare(.cachedInput, a?.cachedInput, b?.cachedInput, above: above)
            compare(.cacheWrite, a?.cacheWrite, b?.cacheWrite, above: above)
        }
        if changes.isEmpty && kinds.old != kinds.new {
            changes.append(
                PriceChange(
                    route: route, kind: .input, old: old.input?.value, new: new.input?.value, oldKind: kinds.old,
                    newKind: kinds.new, location: location))
        }
        return changes
    }

    /// A model with every date and place removed, so that only imported facts are compared.
    static func facts(_ model: Model) -> Model {
        let nowhere = SourceLocation(file: "")
        func strip<T>(_ figure: Figure<T>?) -> Figure<T>? {
            figure.map {
                Figure(
                    $0.values.map {
                        var value = $0; value.date = nil; value.location = nowhere; return value
                    })
            }
        }
        var model = model
        model.location = nowhere
        model.contextWindow = strip(model.contextWindow)
        model.maxOutput = strip(model.maxOutput)
        if var parameters = model.parameters {
            parameters.totalBillions = strip(parameters.totalBillions)
            parameters.activeBillions = strip(parameters.activeBillions)
            model.parameters = parameters
        }
        model.routes = model.routes.map { route in
            var route = route
            route.location = nowhere
            route.asOf = nil
            route.input = strip(route.input)
            route.output = strip(route.output)
            route.cachedInput = strip(route.cachedInput)
            route.cacheWrite = strip(route.cacheWrite)
            route.batchInput = strip(route.batchInput)
            route.batchOutput = strip(route.batchOutput)
            route.contextWindow = strip(route.contextWindow)
            route.maxOutput = strip(route.maxOutput)
            route.tiers = route.tiers.map { tier in
                var tier = tier
                tier.location = nowhere
                tier.input = strip(tier.input)
                tier.output = strip(tier.output)
                tier.cachedInput = strip(tier.cachedInput)
                tier.cacheWrite = strip(tier.cacheWrite)
                return tier
            }
            return route
        }
        model.benchmarkResults = model.benchmarkResults.map { result in
            var result = result
            result.location = nowhere
            result.score = strip(result.score)!
            return result
        }
        model.selfHosting = model.selfHosting.map { variant in
            var variant = variant
            variant.location = nowhere
            variant.date = nil
            return variant
        }
        return model
    }
}
