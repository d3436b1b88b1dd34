/// The validated catalog: every stage after loading works on this.
public struct Catalog: Sendable {
    public var site: SiteSettings
    public var providers: [String: Provider]
    public var benchmarks: [String: Benchmark]
    public var sources: [String: Source]
    /// Sorted by id.
    public private(set) var models: [Model]
    public var editorials: [PairID: Editorial]
    /// The reports of `Content/changes/`, newest first.
    public private(set) var changes: [ChangeReport]
    /// The files of `Content/measurements/` by the id of the model they measured (an alias folded into its model),
    /// each model's oldest first.
    public private(set) var measurements: [String: [MeasurementFile]]
    /// Each model's price history (`Content/imports/<layer>/history/`), by model id (an alias folded into its model).
    public private(set) var histories: [String: PriceHistory]
    /// Every alias id, with the id of the model it names (`Model.aliases`).
    public private(set) var aliases: [String: String]
    private var index: [String: Int]

    public init(
        site: SiteSettings, providers: [String: Provider], benchmarks: [String: Benchmark],
        sources: [String: Source], models: [Model], editorials: [PairID: Editorial],
        changes: [ChangeReport] = [], measurements: [String: [MeasurementFile]] = [:],
        histories: [String: PriceHistory] = [:]
    ) {
        self.histories = histories
        self.site = site
        self.providers = providers
        self.benchmarks = benchmarks
        self.sources = sources
        self.models = models.sorted { $0.id < $1.id }
        self.editorials = editorials
        self.changes = changes.sorted { ($0.date, $0.location.file) > ($1.date, $1.location.file) }
        self.measurements = measurements.mapValues { files in
            files.sorted { ($0.measurement.date, $0.measurement.location.file) < ($1.measurement.date, $1.measurement.location.file) }
        }
        self.index = Dictionary(self.models.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.aliases = Self.aliasIndex(self.models)
    }

    /// Every alias id of `models`, with the id of the model that lists it (the first, should two claim one).
    static func aliasIndex(_ models: [Model]) -> [String: String] {
        Dictionary(models.flatMap { model in model.aliases.map { ($0.id, model.id) } }, uniquingKeysWith: { first, _ in first })
    }

    /// The id of the model that `id` names: the model's own id, or the model an alias stands for.
    public func canonicalID(_ id: String) -> String? {
        index[id] != nil ? id : aliases[id]
    }

    public func model(_ id: String) -> Model? {
        index[id].map { models[$0] }
    }

    /// Every measurement of every model, in model id order, each model's oldest first.
    public var allMeasurements: [MeasurementFile] {
        measurements.keys.sorted().flatMap { measurements[$0]! }
    }

    /// True when the site has a price-changes page: a change report, or a price history with a route.
    public var hasChangesPage: Bool { !changes.isEmpty || histories.values.contains { !$0.routes.isEmpty } }

    /// Every price change of every report, newest report first.
    public var priceChanges: [(report: ChangeReport, change: PriceChange)] {
        changes.flatMap { report in report.priceChanges.map { (report, $0) } }
    }
}

/// An unordered pair of models, kept in canonical order (smaller id first).
public struct PairID: Sendable, Hashable, Comparable, CustomStringConvertible, Encodable {
    public let first: String
    public let second: String

    public init(_ a: String, _ b: String) {
        if a <= b { first = a; second = b } else { first = b; second = a }
    }

    /// What joins the two ids in a slug.
    public static let separator = "-vs-"

    /// `a-vs-b`: the page's folder name.
    public var slug: String { "\(first)\(Self.separator)\(second)" }
    public var description: String { slug }

    public static func < (lhs: PairID, rhs: PairID) -> Bool { (lhs.first, lhs.second) < (rhs.first, rhs.second) }

    /// Splits `a-vs-b` at the `-vs-` that names two known models (ids may themselves contain `-vs-`).
    public static func parse(_ slug: String, knownIDs: Set<String>) -> (PairID?, candidates: [(String, String)]) {
        var candidates: [(String, String)] = []
        var searchStart = slug.startIndex
        while let range = slug.range(of: "-vs-", range: searchStart..<slug.endIndex) {
            let a = String(slug[..<range.lowerBound]), b = String(slug[range.upperBound...])
            candidates.append((a, b))
            if knownIDs.contains(a) && knownIDs.contains(b) { return (PairID(a, b), candidates) }
            searchStart = slug.index(after: range.lowerBound)
        }
        return (nil, candidates)
    }
}
