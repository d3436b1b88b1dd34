/// The `<title>` of every kind of page, in one place: the page builders use these, and `SiteGuard` checks before a
/// build that no two pages share one.
public enum PageTitles {
    public static func pair(_ a: Model, _ b: Model, editorial: Editorial?) -> String {
        pair(names: a.name, b.name, editorial: editorial)
    }

    /// The same title from the two models' names (what `SiteGuard` has at hand for tens of thousands of pairs).
    public static func pair(names a: String, _ b: String, editorial: Editorial?) -> String {
        editorial?.title ?? "\(a) vs \(b): specs, prices and benchmarks"
    }

    public static func model(_ model: Model) -> String { "\(model.name): specs, prices and comparisons" }
    public static func benchmark(_ benchmark: Benchmark) -> String { "\(benchmark.name) leaderboard" }
    public static let benchmarks = "Benchmarks"
    public static let notFound = "Page not found"
    public static let changes = "Price changes"
    public static func home(_ site: SiteSettings) -> String { site.title }
}
