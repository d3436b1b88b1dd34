import Foundation
import Testing
@testable import VersusCore

/// The bytes fingerprints are made of: the same record gives the same bytes whatever order its dictionaries hold
/// their keys in, and records that differ give different bytes.
@Suite struct CanonicalFormTests {
    struct Record: Codable {
        var name: String
        var note: String?
        var count: Int
        var price: Decimal?
        var tags: [String]
        var table: [String: Int]
    }

    @Test func dictionariesInAnyOrderGiveTheSameBytes() {
        var small: [String: Int] = [:]
        var large = [String: Int](minimumCapacity: 512)
        let keys = (0..<40).map { "key-\($0)" }
        for (index, key) in keys.enumerated() { small[key] = index }
        for (index, key) in keys.enumerated().reversed() { large[key] = index }
        #expect(Array(small.keys) != Array(large.keys), "the two dictionaries should list their keys in different orders")
        let a = Record(name: "n", note: nil, count: 1, price: Decimal(string: "1.25"), tags: ["x"], table: small)
        let b = Record(name: "n", note: nil, count: 1, price: Decimal(string: "1.25"), tags: ["x"], table: large)
        #expect(CanonicalForm.data(a) == CanonicalForm.data(b))
        #expect(CanonicalForm.fingerprint(a) == CanonicalForm.fingerprint(b))
    }

    @Test func recordsThatDifferGiveDifferentBytes() {
        let base = Record(name: "n", note: nil, count: 1, price: Decimal(string: "1.25"), tags: ["x", "y"], table: ["a": 1])
        var variants: [Record] = []
        var changed = base
        changed.name = "m"
        variants.append(changed)
        changed = base
        changed.note = ""
        variants.append(changed)
        changed = base
        changed.count = 2
        variants.append(changed)
        changed = base
        changed.price = Decimal(string: "1.5")
        variants.append(changed)
        changed = base
        changed.price = nil
        variants.append(changed)
        changed = base
        changed.tags = ["xy"]
        variants.append(changed)
        changed = base
        changed.tags = ["x", "y", ""]
        variants.append(changed)
        changed = base
        changed.table = ["a": 1, "b": 0]
        variants.append(changed)
        changed = base
        changed.table = ["b": 1]
        variants.append(changed)
        let all = ([base] + variants).map(CanonicalForm.data)
        #expect(Set(all).count == all.count, "two different records gave the same bytes")
        // Lengths go before texts: moving a character from one text to the next changes the bytes.
        #expect(CanonicalForm.data(["ab", "c"]) != CanonicalForm.data(["a", "bc"]))
        #expect(CanonicalForm.data([[1], [2]]) != CanonicalForm.data([[1, 2]]))
        #expect(CanonicalForm.data("1") != CanonicalForm.data(1))
        #expect(CanonicalForm.data(["k": "v"]) != CanonicalForm.data(["k v"]))
    }

    /// Every model of the bundled catalog encodes to the same bytes twice (a changed price changing a model's record is
    /// what `IncrementalBuildTests` build on).
    @Test(.enabled(if: BundledCatalog.present, "Content/site.yaml is not in the repository yet"))
    func catalogRecordsAreStable() throws {
        let catalog = try #require(CatalogCheck.run(root: SiteBuildTests.repository.path, today: ISODate("2026-11-24")!).catalog)
        for model in catalog.models {
            #expect(CanonicalForm.data(model) == CanonicalForm.data(model))
        }
        let model = try #require(catalog.models.first { $0.routes.contains { $0.input != nil } })
        let first = PageInputs.record(model, catalog: catalog)
        #expect(first == PageInputs.record(model, catalog: catalog))
        #expect(CanonicalForm.data(catalog.site) == CanonicalForm.data(catalog.site))
    }
}
