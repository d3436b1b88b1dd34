import Foundation
import Testing

@testable import VersusCore

/// `versus serve`'s `DigestMemory`: a model equal to the one a kept digest was made of takes that digest; a changed
/// model, or other site settings or providers, are digested anew, and the result is what a fresh digest gives.
struct DigestMemoryTests {
    static func catalog(_ files: [String: String]) throws -> Catalog {
        let result = CatalogCheck.run(root: "site", fileSystem: .memory(files), today: ISODate("2026-06-02")!)
        return try #require(result.catalog, "\(result.diagnostics)")
    }

    @Test func onlyChangedModelsAreDigestedAgain() throws {
        var files = PairAnalysisTests.files
        let memory = DigestMemory()
        let first = CatalogDigest(try Self.catalog(files), memory: memory)

        // The same catalog again: every digest is the kept one (the same object).
        let same = CatalogDigest(try Self.catalog(files), memory: memory)
        for (id, digest) in first.digests { #expect(same[id].model == digest.model) }
        let kept = memory.kept(site: same.catalog.site, providers: same.catalog.providers)
        for (id, digest) in kept { #expect(digest === memory.kept(site: same.catalog.site, providers: same.catalog.providers)[id]) }

        // One model's route changes: its digest is made again, the others are kept, and all equal a fresh digest.
        let before = memory.kept(site: same.catalog.site, providers: same.catalog.providers)
        files["site/Content/models/three.yaml"] = files["site/Content/models/three.yaml"]! + "\n    input: 7\n    output: 9\n"
        let edited = try Self.catalog(files)
        let remembered = CatalogDigest(edited, memory: memory)
        let fresh = CatalogDigest(edited)
        let after = memory.kept(site: edited.site, providers: edited.providers)
        for id in before.keys {
            if id == "three" {
                #expect(after[id] !== before[id])
            } else {
                #expect(after[id] === before[id], "\(id)")
            }
        }
        for (id, digest) in fresh.digests {
            #expect(remembered[id].headlineCost == digest.headlineCost && remembered[id].related == digest.related, "\(id)")
            #expect(remembered[id].model == digest.model)
        }
        #expect(remembered["three"].headlineCost != nil)

        // The related ranking is kept while every model's features (tags, developer, family, type, benchmarks) hold;
        // a price does not change it, a developer does, and either way it is what a fresh digest ranks.
        #expect(memory.ranking(of: edited.models.map(Relatedness.Features.init)) != nil)
        files["site/Content/models/three.yaml"] = files["site/Content/models/three.yaml"]!.replacingOccurrences(
            of: "developer: ", with: "developer: Renamed ")
        let renamed = try Self.catalog(files)
        #expect(memory.ranking(of: renamed.models.map(Relatedness.Features.init)) == nil)
        let reranked = CatalogDigest(renamed, memory: memory)
        let freshRanked = CatalogDigest(renamed)
        for (id, digest) in freshRanked.digests { #expect(reranked[id].related == digest.related, "\(id)") }

        // Other site settings: nothing kept is used.
        var site = edited.site
        site.title += " renamed"
        #expect(memory.kept(site: site, providers: edited.providers).isEmpty)
    }
}
