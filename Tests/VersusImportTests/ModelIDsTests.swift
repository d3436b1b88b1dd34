import Testing
import VersusCore
@testable import VersusImport

struct ModelIDsTests {
    @Test func slugsAreCatalogIds() {
        #expect(ModelIDs.slug("gpt-5.1") == "gpt-5-1")
        #expect(ModelIDs.slug("MiniMax-M2.1") == "minimax-m2-1")
        #expect(ModelIDs.slug("qwen/qwen3:free") == "qwen-qwen3-free")
        #expect(ModelIDs.slug("--Ünïcode__name--") == "n-code-name")
        #expect(ModelIDs.slug("…") == "model")
        let long = ModelIDs.slug(String(repeating: "ab-", count: 40))
        #expect(long.count <= 80 && Identifier.isValid(long))
        for text in ["gpt-5.1", "MiniMax-M2.1", "…", String(repeating: "x.", count: 60)] {
            #expect(Identifier.isValid(ModelIDs.slug(text)), "\(text)")
        }
    }

    static func model(_ id: String) -> UpstreamModel {
        let parts = id.split(separator: "/").map(String.init)
        return UpstreamModel(id: id, lab: parts[0], name: parts[1], file: "models/\(id).toml", data: [:])
    }

    @Test func duplicateNamesGetTheirLabInFront() {
        let assignment = ModelIDs.assign(
            [
                Self.model("alpha/shared"), Self.model("beta/shared"), Self.model("beta/gpt-5.1"),
                Self.model("gamma/gpt-5-1"),
            ], previous: [:])
        #expect(
            assignment.ids == [
                "alpha/shared": "alpha-shared", "beta/shared": "beta-shared",
                "beta/gpt-5.1": "beta-gpt-5-1", "gamma/gpt-5-1": "gamma-gpt-5-1",
            ])
        #expect(assignment.disambiguated["alpha/shared"] == ["beta/shared"])
    }

    @Test func idsStayWhatThePreviousImportMadeThem() {
        // The first snapshot had only alpha/shared, which got the plain id; a later one adds beta/shared.
        let first = ModelIDs.assign([Self.model("alpha/shared")], previous: [:])
        #expect(first.ids == ["alpha/shared": "shared"])
        let second = ModelIDs.assign([Self.model("alpha/shared"), Self.model("beta/shared")], previous: first.ids)
        #expect(second.ids == ["alpha/shared": "shared", "beta/shared": "beta-shared"])
        // Running again with the same snapshot and the ids just recorded gives the same ids.
        #expect(ModelIDs.assign([Self.model("beta/shared"), Self.model("alpha/shared")], previous: second.ids).ids == second.ids)
    }

    @Test func aLabPrefixThatIsTakenGetsANumber() {
        let assignment = ModelIDs.assign([Self.model("alpha/x"), Self.model("beta/x"), Self.model("zeta/alpha-x")], previous: [:])
        #expect(assignment.ids == ["alpha/x": "alpha-x-2", "beta/x": "beta-x", "zeta/alpha-x": "alpha-x"])
    }
}
