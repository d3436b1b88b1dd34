import Foundation
import Testing
@testable import VersusCore

/// A full build over an existing site (`--clean`, a new generator, a lost manifest) writes into spares beside the
/// output and swaps them in: the same bytes as a build into an empty folder, the folder tree kept, nothing of the old
/// site left, and the output as it was when the build fails before the swap.
@Suite(.serialized) struct OutputSwapTests {
    typealias Site = IncrementalBuildTests

    static func inode(_ url: URL) throws -> UInt64 {
        try #require((try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? NSNumber)?.uint64Value)
    }

    @Test func aCleanBuildOverTheOutputEqualsOneIntoAnEmptyFolderAndKeepsItsFolders() async throws {
        let root = try Site.site()
        let output = root.appendingPathComponent("public")
        _ = try await Site.build(root)
        let folder = output.appendingPathComponent("compare/alpha-vs-beta")
        let folderBefore = try Self.inode(folder)
        // Files that are not the site's: a leftover of an older site, and one put there by hand.
        try Site.write(["public/compare/old-vs-gone/index.html": "old", "public/notes.txt": "by hand"], into: root)
        try Site.write(["Content/models/alpha.yaml": Site.model("Alpha", input: "1.5")], into: root)

        let report = try await Site.build(root, clean: true)
        #expect(report.full && report.rendered == report.files && report.unchanged == 0)
        #expect(report.deletedPaths == ["compare/old-vs-gone/index.html", "notes.txt"])
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("compare/old-vs-gone").path))
        #expect(try Self.inode(folder) == folderBefore, "the page folder was made anew")
        // The spares are beside the output, never in it.
        let spares = root.appendingPathComponent(".public.spares")
        #expect(try FileManager.default.contentsOfDirectory(atPath: spares.path).count == report.files)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == [
                ".public.spares", ".versus", "Content", "Templates", "public",
            ])
        try await Site.expectSameAsCleanBuild(root)

        // A second full build writes into the spares, which now hold the last site, and swaps again: no new file.
        let page = output.appendingPathComponent("compare/alpha-vs-beta/index.html")
        let spare = spares.appendingPathComponent("compare%2Falpha-vs-beta%2Findex.html")
        let (published, kept) = (try Self.inode(page), try Self.inode(spare))
        try Site.write(["Content/models/alpha.yaml": Site.model("Alpha", input: "1.75")], into: root)
        _ = try await Site.build(root, clean: true)
        #expect(try Self.inode(page) == kept && (try Self.inode(spare)) == published)
        try await Site.expectSameAsCleanBuild(root)
        // Then incremental builds go on from its manifest.
        #expect(try await Site.build(root).rendered == 0)
    }

    @Test func aBuildThatFailsBeforeTheSwapLeavesTheOutputAndManifestAsTheyWere() async throws {
        let root = try Site.site()
        let output = root.appendingPathComponent("public")
        _ = try await Site.build(root)
        let before = try SiteBuildTests.files(in: output)
        let manifest = root.appendingPathComponent(".versus/manifest-public")
        let recorded = try Data(contentsOf: manifest)
        // A spare that cannot be written (a folder in its place) stops the build half-way through making the pages.
        let spare = root.appendingPathComponent(".public.spares/compare%2Falpha-vs-gamma%2Findex.html")
        try FileManager.default.createDirectory(at: spare, withIntermediateDirectories: true)
        try Site.write(["Content/models/alpha.yaml": Site.model("Alpha", input: "7")], into: root)
        await #expect(throws: (any Error).self) { _ = try await Site.build(root) }
        await #expect(throws: (any Error).self) { _ = try await Site.build(root, clean: true) }
        #expect(try SiteBuildTests.files(in: output) == before)
        #expect(try Data(contentsOf: manifest) == recorded)
        // Once it can, the next build makes exactly the changed pages.
        try FileManager.default.removeItem(at: spare)
        #expect(try await Site.build(root).renderedPaths == Site.pairsOfAlpha + ["index.html", "models/alpha/index.html"])
        try await Site.expectSameAsCleanBuild(root)
    }

    @Test func aBuildIntoAMissingOrEmptyFolderIsStagedAndRenamed() async throws {
        let root = try Site.site()
        let output = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let report = try await Site.build(root, into: output)
        #expect(report.full && report.rendered == report.files)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(".out.staging").path))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(".out.spares").path))
        #expect(try SiteBuildTests.files(in: output).count == report.files)
    }
}

/// `.versus/<manifest>.inputs`: a build that finds every input byte as the last one read it has nothing to do; any
/// change of a file, of the generator, the output or the day, or a file missing from the output, means a real build.
@Suite struct InputRecordTests {
    typealias Site = IncrementalBuildTests

    static func recorded(_ root: URL) async throws -> (record: InputRecord, key: String, header: String, manifest: URL, output: URL) {
        let output = root.appendingPathComponent("public")
        let manifest = root.appendingPathComponent(".versus/manifest-public")
        let report = try await Site.build(root)
        let header = BuildOptions(generator: "versus tests").header(output: output)
        let key = header + "\ttoday=2026-11-24"
        let record = InputRecord(
            key: key, snapshot: InputSnapshot.take(root: root), pairPages: report.pairPages,
            otherPages: report.otherPages, files: report.files, warnings: 0)
        let url = root.appendingPathComponent(".versus/manifest-public.inputs")
        try record.write(to: url)
        #expect(InputRecord.read(from: url) == record)
        return (record, key, header, manifest, output)
    }

    @Test func theRecordHoldsOnlyWhileEveryInputAndOutputFileIsAsItWas() async throws {
        let root = try Site.site()
        let (record, key, header, manifest, output) = try await Self.recorded(root)
        func holds(key: String = key, header: String = header) -> Bool {
            record.stillHolds(key: key, snapshot: InputSnapshot.take(root: root), manifest: manifest, header: header, output: output)
        }
        #expect(holds())
        // Another generator, output folder, shard or day is another key.
        #expect(!holds(key: key.replacingOccurrences(of: "versus tests", with: "versus 9.9")))
        #expect(!holds(key: key.replacingOccurrences(of: "2026-11-24", with: "2026-11-25")))
        #expect(!holds(header: header + "x"))
        // The same bytes written again, however soon: still holds. One byte of a template, a model, a new file: not.
        let model = root.appendingPathComponent("Content/models/alpha.yaml")
        try Data(contentsOf: model).write(to: model)
        #expect(holds())
        for (path, text) in [
            ("Templates/pages/benchmark.mustache", nil), ("Content/models/alpha.yaml", nil),
            ("Content/comparisons/beta-vs-gamma.md", "new"), ("Templates/assets/new.css", "x"),
        ] as [(String, String?)] {
            let url = root.appendingPathComponent(path)
            let original = try? Data(contentsOf: url)
            try Data(((original.map { String(decoding: $0, as: UTF8.self) } ?? "") + (text ?? " ")).utf8).write(to: url)
            #expect(!holds(), "\(path) changed and the record still holds")
            if let original { try original.write(to: url) } else { try FileManager.default.removeItem(at: url) }
            #expect(holds())
        }
        // A page deleted from the output, or another manifest: not.
        let page = output.appendingPathComponent("models/beta/index.html")
        let bytes = try Data(contentsOf: page)
        try FileManager.default.removeItem(at: page)
        #expect(!holds())
        try bytes.write(to: page)
        #expect(holds())
        try Data("versus-manifest 1\n\(header)\n".utf8).write(to: manifest)
        #expect(!holds())
    }
}
