import Foundation
import Testing

@testable import VersusCore

/// `.versus/<manifest>.fragments`: each model's pre-rendered parts kept between builds. A rebuild makes again only
/// the fragments whose inputs changed, and renders what a clean build renders.
@Suite(.serialized) struct FragmentStoreTests {
    typealias Site = IncrementalBuildTests

    static func store(_ root: URL) -> FragmentStore {
        FragmentStore.read(from: root.appendingPathComponent(".versus/manifest-public.fragments"))
    }

    @Test func aStoreReadBackWritesTheSameBytes() async throws {
        let root = try Site.site()
        _ = try await Site.build(root)
        let url = root.appendingPathComponent(".versus/manifest-public.fragments")
        let written = try Data(contentsOf: url)
        let store = FragmentStore.read(from: url)
        #expect(store.count == 4)
        #expect(store.serialized() == written)
    }

    @Test func onePriceChangeMakesOnlyThatModelsFragmentsAgain() async throws {
        let root = try Site.site()
        _ = try await Site.build(root)
        let before = Self.store(root)
        try Site.write(["Content/models/alpha.yaml": Site.model("Alpha", input: "1.25")], into: root)
        let report = try await Site.build(root)
        #expect(report.renderedPaths == Site.pairsOfAlpha + ["index.html", "models/alpha/index.html"])
        #expect(report.fragmentsMade == 1)
        let after = Self.store(root)
        #expect(after.key(of: "alpha") != before.key(of: "alpha"))
        for id in ["beta", "delta", "gamma"] { #expect(after.key(of: id) == before.key(of: id), "\(id) was made again") }
        try await Site.expectSameAsCleanBuild(root)
    }

    /// `versus serve` starts from the store the last build wrote: a store in memory adopts the entries it lacks and
    /// keeps its own, and a price change then makes one model's fragments, not every partner's.
    @Test func aStoreInMemoryAdoptsTheKeptOne() async throws {
        let root = try Site.site()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try await Site.build(root)
        let memory = FragmentStore()
        memory.adopt(Self.store(root))
        #expect(memory.count == 4)
        #expect(!memory.changed)
        try Site.write(["Content/models/alpha.yaml": Site.model("Alpha", input: "1.25")], into: root)
        let result = CatalogCheck.run(root: root.path, today: ISODate("2026-11-24")!)
        let catalog = try #require(result.catalog)
        var options = BuildOptions(manifest: root.appendingPathComponent(".versus/manifest-public"), generator: "versus tests")
        options.fragments = memory
        let report = try await SiteBuilder(catalog: catalog, templates: try TemplateSet.load(root: root.path).get())
            .build(into: root.appendingPathComponent("public"), options: options)
        #expect(report.fragmentsMade == 1)
        // What the memory had is not replaced by what it adopts.
        let alpha = memory.key(of: "alpha")
        memory.adopt(Self.store(root))
        #expect(memory.key(of: "alpha") == alpha)
        try await Site.expectSameAsCleanBuild(root)
    }

    @Test func aNewSourceElsewhereRenumbersTokensAndRemakesEveryFragment() async throws {
        let root = try Site.site()
        _ = try await Site.build(root)
        let before = Self.store(root)
        // Gamma cites a source no model cited before: every token position after it moves.
        var files = Site.files
        files["Content/sources.yaml"]! += "- id: aaa-first\n  title: First by name\n  url: https://inc.example.test/first\n"
        files["Content/models/gamma.yaml"] = Site.model("Gamma", input: "3").replacingOccurrences(
            of: "source: price-page", with: "source: aaa-first")
        try Site.write(files, into: root)
        #expect(try await Site.build(root).fragmentsMade == 4)
        let after = Self.store(root)
        for id in ["alpha", "beta", "delta", "gamma"] { #expect(after.key(of: id) != before.key(of: id)) }
        try await Site.expectSameAsCleanBuild(root)
    }

    @Test func aMalformedOrForeignStoreReadsAsEmptyAndTheBuildIsUnchanged() async throws {
        let root = try Site.site()
        _ = try await Site.build(root)
        let url = root.appendingPathComponent(".versus/manifest-public.fragments")
        let good = try Data(contentsOf: url)
        for bad in [Data("garbage".utf8), good.prefix(good.count / 2), good + Data([0]), Data()] {
            try bad.write(to: url)
            #expect(FragmentStore.read(from: url).count == 0)
        }
        try Site.write(["Content/models/beta.yaml": Site.model("Beta", input: "2.5")], into: root)
        #expect(try await Site.build(root).fragmentsMade == 4)
        try await Site.expectSameAsCleanBuild(root)
        #expect(Self.store(root).count == 4)
    }

    @Test func aRemovedModelLeavesTheStore() async throws {
        let root = try Site.site()
        _ = try await Site.build(root)
        try Site.write(["Content/models/delta.yaml": nil], into: root)
        _ = try await Site.build(root)
        #expect(Self.store(root).key(of: "delta") == nil)
        try await Site.expectSameAsCleanBuild(root)
    }
}
