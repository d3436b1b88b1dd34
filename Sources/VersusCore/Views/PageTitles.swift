/// The `<title>` of every kind of page, in one place: the page builders use these, and `SiteGuard` checks before a
/// build that no two pages share one.
public enum PageTitles {
    public static func pair(_ a: Model, _ b: Model, editorial: Editorial?) -> String {
        pair(names: a.name, b.name, editorial: editorial)
    }

    /// The same title from the two models' names (what `SiteGuard` has at hand for tens of thousands of pairs).
    public static func pair(names a: String, _ b: String, editorial: Editorial?) -> String {
        editorial?.title ?? "\(a)\(pairSeparator)\(b)\(pairSuffix)"
    }

    /// What stands between the two names of a pair page's default title, and what follows them.
    static let pairSeparator = " vs "
    static let pairSuffix = ": specs, prices and benchmarks"

    /// Every way `title` reads as a pair page's default title: the two names, split at each separator.
    static func pairNames(_ title: String) -> [(String, String)] {
        guard title.hasSuffix(pairSuffix) else { return [] }
        let names = title.dropLast(pairSuffix.count)
        var splits: [(String, String)] = []
        var from = names.startIndex
        while let range = names.range(of: pairSeparator, range: from..<names.endIndex) {
            splits.append((String(names[..<range.lowerBound]), String(names[range.upperBound...])))
            from = names.index(after: range.lowerBound)
        }
        return splits
    }

    public static func model(_ model: Model) -> String { "\(model.name): specs, prices and comparisons" }
    public static func benchmark(_ benchmark: Benchmark) -> String { "\(benchmark.name) leaderboard" }
    public static let benchmarks = "Benchmarks"
    public static let notFound = "Page not found"
    public static let changes = "Price changes"
    public static func changesMonth(_ month: String) -> String { "Price changes of \(month)" }
    public static func home(_ site: SiteSettings) -> String { site.title }
}
