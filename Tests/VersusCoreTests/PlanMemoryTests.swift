import Foundation
import Testing
@testable import VersusCore

/// `versus serve` keeps the last plan's pair pages (`PlannedPairs`) and fingerprints again only the pairs of models
/// whose side changed: the plan must be the one made without the memory, after every kind of change.
@Suite struct PlanMemoryTests {
    static func summary(_ plan: SitePlan) -> [String] {
        plan.pages.map { "\($0.path) \($0.fingerprint.hex)" }
    }

    @Test func aPlanWithTheMemoryIsThePlanWithout() async throws {
        let changes: [[String: String?]] = [
            [:],
            ["Content/models/alpha.yaml": IncrementalBuildTests.model("Alpha", input: "1.5")],
            ["Content/models/alpha.yaml": IncrementalBuildTests.model("Alpha", input: "1.5", score: "71")],
            ["Content/models/beta.yaml": IncrementalBuildTests.model("Beta Prime", input: "2")],
            ["Content/comparisons/alpha-vs-beta.md": "---\ntitle: Beta or Alpha\n---\nNotes.\n"],
            ["Content/models/gamma.yaml": nil],
        ]
        for change in changes {
            let memory = Remembered<PlannedPairs>()
            _ = try await MadeFilesTests.plan(kept: nil, memory: memory)
            let remembered = try await MadeFilesTests.plan(change, kept: nil, memory: memory)
            let fresh = try await MadeFilesTests.plan(change, kept: nil)
            #expect(Self.summary(remembered) == Self.summary(fresh), "\(change.keys.sorted())")
        }
    }

    @Test func onlyTheChangedModelsPairsAreFingerprintedAgain() async throws {
        let memory = Remembered<PlannedPairs>()
        let before = try await MadeFilesTests.plan(kept: nil, memory: memory)
        let after = try await MadeFilesTests.plan(
            ["Content/models/alpha.yaml": IncrementalBuildTests.model("Alpha", input: "1.5")], kept: nil, memory: memory)
        let changed = Set(zip(before.pages, after.pages).filter { $0.fingerprint != $1.fingerprint }.map(\.0.path))
        #expect(changed.filter { $0.hasPrefix("compare/") } == Set(IncrementalBuildTests.pairsOfAlpha))
    }
}
