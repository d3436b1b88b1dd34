import ArgumentParser
import Foundation
import Synchronization
import VersusCore

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Builds every comparison page and the site around them into public/.",
        discussion: "A failed build leaves the previous output untouched. Exit status: 0 on success, 1 on errors, 2 on usage errors.")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Where to write the site (default: public/ in the site folder).")
    var output: String?

    @Flag(name: .long, help: "Ignore what the last build recorded and build every page anew.")
    var clean = false

    @Flag(
        name: .long,
        help:
            "Render every page through the template engine alone, without template stamps (the same output, slower; for checking the stamps)."
    )
    var noStamps = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Build only share I of N of the pages (for example 2/4), to split a large site over machines.",
            valueName: "I/N"))
    var shard: String?

    func validate() throws {
        if let shard, Shard(shard) == nil {
            throw ValidationError("--shard takes I/N with 1 ≤ I ≤ N, for example --shard 1/4; got \(shard)")
        }
    }

    func run() async throws {
        let started = Date()
        let rootURL = URL(fileURLWithPath: site.root).standardizedFileURL
        let outputURL = output.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? rootURL.appendingPathComponent("public")
        let lock = try SiteBuild.claim(root: rootURL, output: outputURL)
        defer { withExtendedLifetime(lock) {} }

        switch await SiteBuild.run(
            root: rootURL, output: outputURL, clean: clean, shard: self.shard.flatMap(Shard.init),
            stamps: !noStamps, started: started)
        {
        case .built: break
        case .failed: throw ExitCode(1)
        }
    }
}

/// One build of a site folder whose lock the caller holds: what `build` does, and what `serve` repeats.
enum SiteBuild {
    enum Outcome: Equatable {
        case built
        /// The problems printed, one line each (what `serve` shows in the browser).
        case failed([String])
    }

    /// Where parsed catalog files are kept between runs (`ParseCache`).
    static func parsesFolder(root: URL) -> URL {
        root.appendingPathComponent(".versus/parses")
    }

    /// Checks that `output` may be replaced and takes the site folder's lock; otherwise prints why and exits 1.
    static func claim(root: URL, output: URL) throws -> BuildLock {
        if let problem = OutputGuard.problem(output: output, root: root) {
            printError("error: \(problem)")
            throw ExitCode(1)
        }
        do {
            return try BuildLock.acquire(at: root.appendingPathComponent(".versus/lock"))
        } catch {
            printError("error: \(error)")
            throw ExitCode(1)
        }
    }

    /// Checks the catalog and templates, builds, and prints the diagnostics and a one-line report.
    ///
    /// `memory`: what `versus serve` keeps from one rebuild to the next; `changed`: the files (relative to `root`)
    /// that changed since the last build with that memory, when the caller knows (nil: any may have). Catalog files
    /// are read every time and parsed again only when their text changed; templates are kept when no file under
    /// `Templates/` changed.
    static func run(
        root: URL, output: URL, clean: Bool = false, shard: Shard? = nil, stamps: Bool = true,
        started: Date = Date(), memory: BuildMemory? = nil, changed: [String]? = nil
    ) async -> Outcome {
        let today = ISODate.today()
        let state = root.appendingPathComponent(".versus")
        let manifest = state.appendingPathComponent(ManifestName.for(output: output, root: root, shard: shard))
        var options = BuildOptions(manifest: manifest, clean: clean, shard: shard, generator: GeneratorIdentity.current)
        let inputs = URL(fileURLWithPath: manifest.path + ".inputs")
        let key = "\(options.header(output: output))\ttoday=\(today)"
        PhaseLog.start()
        let snapshot = InputSnapshot.take(root: root)
        PhaseLog.mark("input snapshot")
        options.inputs = snapshot
        options.records = URL(fileURLWithPath: manifest.path + ".records")
        options.fragmentFile = URL(fileURLWithPath: manifest.path + ".fragments")
        options.madeFilesFile = URL(fileURLWithPath: manifest.path + ".files")
        options.madeFiles = memory?.madeFiles
        options.recordsMemory = memory?.records
        options.planMemory = memory?.plan
        options.fragments = memory?.fragments
        if let memory, memory.fragments.count == 0, let url = options.fragmentFile {
            // serve's first build: the fragments the last build kept, so its first edit does not make every partner's;
            // and what it makes (every model's, after a new `versus`) is kept for the next serve.
            if !clean { memory.fragments.adopt(FragmentStore.read(from: url)) }
            options.writeFragments = true
        }
        options.outputMemory = memory?.output
        options.digests = memory?.digests
        options.site = root
        if !clean, let record = InputRecord.read(from: inputs),
            record.stillHolds(key: key, snapshot: snapshot, manifest: manifest, header: options.header(output: output), output: output)
        {
            // Not a byte of the inputs changed, and every file of the last build is in place: nothing to load.
            report(
                rendered: 0, unchanged: record.files, deleted: 0, pairPages: record.pairPages, otherPages: record.otherPages,
                full: false, shard: shard, output: output, warnings: record.warnings, started: started)
            return .built
        }
        // From here the output may change: the record of its inputs goes first, and is written again at the end.
        InputRecord.forget(at: inputs)

        let parses = memory?.parses ?? ParseCache(folder: parsesFolder(root: root), salt: options.generator)
        let stampFile = state.appendingPathComponent("stamps")
        // The templates are read and checked while the catalog loads: neither needs the other. So are, for a build
        // from the command line, the stamps the last build recorded (for these very templates and this `versus`;
        // `--clean` trusts none), the last manifest with the output files it lists, and the model fragments.
        let restoring = !clean && memory == nil
        let generator = options.generator
        async let loaded = Self.templates(root: root, stamps: stamps, memory: memory, changed: changed) { templateSet in
            if restoring, let data = try? Data(contentsOf: stampFile) { templateSet.restoreStamps(data, generator: generator) }
        }
        // Each is awaited only where the build needs it: the made files when planning, the output check after, the
        // fragments before rendering.
        if restoring {
            let fragmentFile = options.fragmentFile, madeFilesFile = options.madeFilesFile
            options.madeFilesRead = Background.start { madeFilesFile.flatMap(MadeFiles.read(from:)) }
            options.outputCheck = Background.start { OutputCheck.take(manifest: manifest, output: output) }
            options.fragmentsRead = Background.start { fragmentFile.map(FragmentStore.read(from:)) }
        }
        let result = CatalogCheck.run(root: root.path, today: today, cache: parses)
        parses.prune()
        PhaseLog.mark("validate")
        var problems = result.diagnostics.errors.map(\.description)
        let templates = await loaded
        PhaseLog.mark("templates")
        if case let .failure(error) = templates { problems += error.diagnostics.map(\.description) }
        for problem in problems { print(problem) }
        guard let catalog = result.catalog, case let .success(templateSet) = templates else {
            printError("build failed: nothing was written; \(output.path) is unchanged")
            return .failed(problems)
        }
        let warnings = result.diagnostics.warnings.count
        let shapesBefore = templateSet.stampShapes
        do {
            let built = try await SiteBuilder(catalog: catalog, templates: templateSet).build(into: output, options: options)
            if PhaseLog.enabled { for line in templateSet.stampReport { printError("shapes \(line)") } }
            if memory == nil, templateSet.stampShapes > shapesBefore, let data = templateSet.stampData(generator: options.generator) {
                try? data.write(to: stampFile, options: .atomic)
            }
            report(
                rendered: built.rendered, unchanged: built.unchanged, deleted: built.deleted, pairPages: built.pairPages,
                otherPages: built.otherPages, full: built.full, shard: shard, output: output, warnings: warnings, started: started)
            try? InputRecord(
                key: key, snapshot: snapshot, pairPages: built.pairPages, otherPages: built.otherPages,
                files: built.files, warnings: warnings
            ).write(to: inputs)
            return .built
        } catch {
            printError("error: \(error)\nbuild failed: \(output.path) is unchanged")
            return .failed(["error: \(error)"])
        }
    }

    /// The templates, kept by `memory` or loaded, with `prepare` run on a set loaded anew.
    private static func templates(
        root: URL, stamps: Bool, memory: BuildMemory?, changed: [String]?, prepare: (TemplateSet) -> Void
    ) -> Result<TemplateSet, DiagnosticsError> {
        if let memory { return memory.templates(root: root, stamps: stamps, changed: changed) }
        let result = TemplateSet.load(root: root.path, stamps: stamps)
        if case let .success(templateSet) = result { prepare(templateSet) }
        return result
    }

    private static func report(
        rendered: Int, unchanged: Int, deleted: Int, pairPages: Int, otherPages: Int, full: Bool,
        shard: Shard?, output: URL, warnings: Int, started: Date
    ) {
        let seconds = Date().timeIntervalSince(started)
        let counts =
            "rendered \(Count.grouped(rendered)), unchanged \(Count.grouped(unchanged)), deleted \(Count.grouped(deleted)) in \(String(format: "%.2f", seconds)) s"
        let scope =
            "\(Count.grouped(pairPages)) pair pages, \(Count.grouped(otherPages)) other pages"
            + (shard.map { ", shard \($0)" } ?? "") + (full ? ", full build" : "")
        print(
            "\(counts) (\(scope)) → \(output.path)"
                + (warnings > 0 ? " (\(warnings) catalog warning\(warnings == 1 ? "" : "s"); run versus check)" : ""))
    }
}

/// What `versus serve` keeps from one rebuild to the next: the parsed catalog files and the loaded templates (with the
/// stamps they recorded), so that a saved edit reloads only the files that changed.
final class BuildMemory: Sendable {
    /// Parsed catalog files: in memory, and in `.versus/parses/` for the next process.
    let parses: ParseCache
    /// Model fragments of the last builds: a one-price edit makes only the edited model's again.
    let fragments = FragmentStore()
    /// The manifest of the last build, which this process wrote: not read back, its files not looked up again.
    let output = OutputMemory()
    /// Each model's digest (costs at every traffic level, providers, results) of the last build.
    let digests = DigestMemory()
    /// The sitemaps, search index and redirects of the last build, with the key of what they were made from.
    let madeFiles = Remembered<MadeFiles>()
    /// Each model's record fingerprint, under its key, as the last build wrote them to disk.
    let records = Remembered<ModelRecords>()
    /// The pair pages of the last plan, with the sides they were fingerprinted from.
    let plan = Remembered<PlannedPairs>()
    private let loaded = Mutex<(stamps: Bool, templates: TemplateSet)?>(nil)

    init(root: URL) {
        parses = ParseCache(folder: SiteBuild.parsesFolder(root: root), salt: GeneratorIdentity.current)
    }

    /// The templates of the last build when no file under `Templates/` changed (and `changed` is known); loaded again
    /// otherwise.
    func templates(root: URL, stamps: Bool, changed: [String]?) -> Result<TemplateSet, DiagnosticsError> {
        if let changed, !changed.contains(where: { $0.hasPrefix(TemplateSet.folder + "/") }),
            let kept = loaded.withLock({ $0 }), kept.stamps == stamps
        {
            return .success(kept.templates)
        }
        let result = TemplateSet.load(root: root.path, stamps: stamps)
        loaded.withLock { $0 = (try? result.get()).map { (stamps, $0) } }
        return result
    }
}

/// Where a build's manifest lives: `.versus/manifest` for the usual output, a name of its own for any other
/// output folder or shard, so that builds into different folders never mistake each other's state.
enum ManifestName {
    static func `for`(output: URL, root: URL, shard: Shard?) -> String {
        if shard == nil && output.path == root.appendingPathComponent("public").path { return "manifest" }
        var hasher = FingerprintHasher()
        hasher.add(output.path)
        hasher.add(shard?.description ?? "all")
        return "manifest-\(hasher.finish().hex.prefix(16))"
    }
}

/// The version, plus the size and date of the running executable: a rebuilt `versus` re-renders everything,
/// so a changed generator never leaves pages made by the old one marked fresh.
enum GeneratorIdentity {
    static var current: String {
        var identity = Generator.identity
        if let path = Bundle.main.executablePath,
            let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = attributes[.size] as? NSNumber, let date = attributes[.modificationDate] as? Date
        {
            identity += " (\(size) bytes, \(Int(date.timeIntervalSince1970)))"
        }
        return identity
    }
}

enum Count {
    /// 21530 → "21,530".
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (value < 0 ? "-" : "") + out
    }
}

/// Refuses outputs that would replace the site's own files or an unrelated folder.
enum OutputGuard {
    static func problem(output: URL, root: URL) -> String? {
        let out = output.resolvingSymlinksInPath().path, site = root.resolvingSymlinksInPath().path
        if out == site || site.hasPrefix(out + "/") || out == "/" {
            return "--output \(output.path) would replace the site folder itself; choose a folder such as public/"
        }
        for protected in ["Content", "Templates", "Sources", ".git"]
        where out == site + "/" + protected || out.hasPrefix(site + "/" + protected + "/") {
            return "--output \(output.path) is inside \(protected)/; choose a folder such as public/"
        }
        let manager = FileManager.default
        if let names = try? manager.contentsOfDirectory(atPath: out), !names.isEmpty,
            Set(names).isDisjoint(with: [
                "index.html", "404.html", "compare", "models", "benchmarks", "assets", "sitemap.xml",
                "robots.txt", "_redirects", "changes", "feed.xml",
            ])
        {
            return
                "\(output.path) already holds files that Versus did not write; the build replaces the whole folder, so empty it or choose another"
        }
        return nil
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
