import Foundation
import Testing
@testable import VersusCore

/// `versus build` as a user runs it: the summary line, incremental counts, the lock, shards and usage errors.
@Suite(.serialized) struct BuildCommandTests {
    static func site() throws -> URL {
        try IncrementalBuildTests.site()
    }

    @Test func buildsThenRebuildsNothingThenOnlyWhatChanged() throws {
        let root = try Self.site()
        let first = try CommandLineTests.versus("build", "--root", root.path)
        #expect(first.status == 0, "\(first.output)\(first.errors)")
        let line = try #require(first.output.split(separator: "\n").last.map(String.init))
        #expect(line.hasPrefix("rendered 22, unchanged 0, deleted 0 in "), "\(line)")
        #expect(line.contains(" s (6 pair pages, 9 other pages, full build) → \(root.path)/public"), "\(line)")

        let second = try CommandLineTests.versus("build", "--root", root.path)
        #expect(second.output.hasPrefix("rendered 0, unchanged 22, deleted 0 in "), "\(second.output)")

        try IncrementalBuildTests.write(["Content/models/alpha.yaml": IncrementalBuildTests.model("Alpha", input: "1.25")], into: root)
        let third = try CommandLineTests.versus("build", "--root", root.path)
        #expect(third.output.hasPrefix("rendered 5, unchanged 17, deleted 0 in "), "\(third.output)")

        let clean = try CommandLineTests.versus("build", "--root", root.path, "--clean")
        #expect(clean.output.hasPrefix("rendered 22, unchanged 0, deleted 0 in "), "\(clean.output)")
        #expect(clean.output.contains("full build"))
    }

    /// `versus build` looks up the output's files while the catalog loads (`OutputCheck`): a page deleted by hand is
    /// made again, beside the pages a price change touches, and the result is a clean build's.
    @Test func pagesDeletedByHandAreMadeAgainWithTheChangedOnes() async throws {
        let root = try Self.site()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try CommandLineTests.versus("build", "--root", root.path).status == 0)
        let public_ = root.appendingPathComponent("public")
        try FileManager.default.removeItem(at: public_.appendingPathComponent("compare/beta-vs-gamma"))
        try FileManager.default.removeItem(at: public_.appendingPathComponent("sitemap.xml"))
        try IncrementalBuildTests.write(["Content/models/alpha.yaml": IncrementalBuildTests.model("Alpha", input: "1.25")], into: root)
        let rebuilt = try CommandLineTests.versus("build", "--root", root.path)
        // Alpha's three pairs, its page and the home page, plus the two files deleted.
        #expect(rebuilt.output.hasPrefix("rendered 7, unchanged 15, deleted 0 in "), "\(rebuilt.output)")
        #expect(FileManager.default.fileExists(atPath: public_.appendingPathComponent("compare/beta-vs-gamma/index.html").path))
        #expect(FileManager.default.fileExists(atPath: public_.appendingPathComponent("sitemap.xml").path))
        try await IncrementalBuildTests.expectSameAsCleanBuild(root)
    }

    @Test func aBuildAlreadyRunningKeepsTheSecondOut() throws {
        let root = try Self.site()
        let lock = try BuildLock.acquire(at: root.appendingPathComponent(".versus/lock"))
        let run = try CommandLineTests.versus("build", "--root", root.path)
        withExtendedLifetime(lock) {}
        #expect(run.status == 1)
        #expect(
            run.errors.contains(
                "error: another versus build or serve is using this site folder (process \(ProcessInfo.processInfo.processIdentifier))"),
            "\(run.errors)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path), "a kept-out build wrote output")
    }

    @Test func serveIsKeptOutByARunningBuildToo() throws {
        let root = try Self.site()
        let lock = try BuildLock.acquire(at: root.appendingPathComponent(".versus/lock"))
        let run = try CommandLineTests.versus("serve", "--root", root.path, "--port", "0")
        withExtendedLifetime(lock) {}
        #expect(run.status == 1)
        #expect(run.errors.contains("error: another versus build or serve is using this site folder"), "\(run.errors)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path), "a kept-out serve built the site")
    }

    @Test(arguments: ["-1", "65536", "http"])
    func badPortsAreUsageErrors(port: String) throws {
        let run = try CommandLineTests.versus("serve", "--port", port)
        #expect(run.status == 2, "\(port): \(run.errors)")
    }

    @Test func shardsBuildDisjointShares() throws {
        let root = try Self.site()
        var total = 0
        for index in 1...2 {
            let run = try CommandLineTests.versus(
                "build", "--root", root.path, "--shard", "\(index)/2", "--output",
                root.appendingPathComponent("shard-\(index)").path)
            #expect(run.status == 0, "\(run.errors)")
            #expect(run.output.contains("shard \(index)/2, full build"), "\(run.output)")
            total += try SiteBuildTests.files(in: root.appendingPathComponent("shard-\(index)")).count
        }
        #expect(total == 22)
    }

    @Test(arguments: ["0/2", "3/2", "1", "a/b", "1/0"])
    func badShardsAreUsageErrors(shard: String) throws {
        let run = try CommandLineTests.versus("build", "--shard", shard)
        #expect(run.status == 2, "\(shard): \(run.errors)")
        #expect(run.errors.contains("--shard takes I/N with 1 ≤ I ≤ N"), "\(run.errors)")
    }

    @Test func aCatalogWithErrorsWritesNothing() throws {
        let root = try Self.site()
        let first = try CommandLineTests.versus("build", "--root", root.path)
        #expect(first.status == 0)
        let before = try SiteBuildTests.files(in: root.appendingPathComponent("public"))
        try IncrementalBuildTests.write(["Content/models/alpha.yaml": "name: Alpha\ndeveloper: A\ncontex_window: 5\n"], into: root)
        let run = try CommandLineTests.versus("build", "--root", root.path)
        #expect(run.status == 1)
        #expect(run.output.contains("Content/models/alpha.yaml:3:1: error: unknown key `contex_window`"), "\(run.output)")
        #expect(run.errors.contains("build failed: nothing was written"))
        #expect(try SiteBuildTests.files(in: root.appendingPathComponent("public")) == before)
    }
}
