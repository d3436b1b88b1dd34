import Foundation
import VersusCore

/// `versus import models.dev DIR --history`: reads the price history of every route from the checkout's own git
/// history and writes `history/<model-id>.yaml` in the import layer, one file per model with every route's dated
/// prices, each citing its commit. The commits read are remembered (`history/.state`): the next run reads only
/// those that came after. Writes only files whose bytes change.
public struct HistoryImporter: Sendable {
    /// Where models.dev's repository is published (it moved from `sst/` to `anomalyco/`; GitHub redirects the old
    /// address): each change links to its commit there, unless the checkout was cloned from another GitHub
    /// repository (`repository(of:)`).
    public static let repository = "https://github.com/anomalyco/models.dev"
    public static let folder = "history"
    static let stateFile = ".state"

    /// The checkout.
    var checkout: String
    /// The history folder of the layer, absolute.
    var output: String
    /// Provider folders that sell plans.
    var planProviders: Set<String>
    /// Who each route file belongs to in the catalog.
    var owners: RouteOwners

    struct RouteOwner: Sendable, Hashable {
        var model: String
        var provider: String
        var modelID: String
    }

    /// Who each route file of the history belongs to in the catalog. A route of the current snapshot belongs where
    /// the import put it. A route that has since left models.dev (its file removed, or the route deprecated) is
    /// linked by the same exact rules (`RouteLinker`) from the `base_model` and `name` its file last gave, to a
    /// model of today's catalog, on a provider today's catalog still has: its cheaper days then count in the
    /// model's cheapest-price trend, and its table shows the day it left. Anything else is left out.
    ///
    /// A file may have served another model before (`mistral-medium-latest` named Mistral Medium 3 until it
    /// became Medium 3.5's): its days before the last identity that links elsewhere are not this model's (`since`).
    struct RouteOwners: Sendable {
        /// models.dev route file → the route the import made of it.
        var current: [String: RouteOwner]
        var linker: RouteLinker
        /// models.dev model id → catalog model id, for the models the layer holds.
        var modelIDs: [String: String]
        /// Provider folder → catalog provider id.
        var providerIDs: [String: String]

        init(
            current: [String: RouteOwner], linker: RouteLinker = RouteLinker(models: []), modelIDs: [String: String] = [:],
            providerIDs: [String: String] = [:]
        ) {
            self.current = current
            self.linker = linker
            self.modelIDs = modelIDs
            self.providerIDs = providerIDs
        }

        func owner(of path: String, _ track: RouteTrack) -> RouteOwner? {
            if let owner = current[path] { return owner }
            guard !track.present, let identity = track.identity, let model = model(path, identity),
                let provider = providerIDs[String(path.split(separator: "/")[1])]
            else { return nil }
            return RouteOwner(model: model, provider: provider, modelID: Self.modelID(path))
        }

        /// The first day of the track that belongs to `owner`, and the commit of that day: from then on every
        /// identity the file gave links to the owner's model (the last always counts: it made the owner). nil: the
        /// whole track.
        func since(of path: String, _ track: RouteTrack, owner: RouteOwner) -> RouteTrack.IdentitySince? {
            var index = track.identities.count - 1
            while index > 0, candidates(path, track.identities[index - 1].identity).contains(owner.model) { index -= 1 }
            return index > 0 ? track.identities[index] : nil
        }

        /// The catalog model a route file with `identity` links to.
        private func model(_ path: String, _ identity: RouteIdentity) -> String? {
            guard case let .linked(upstream, _) = link(path, identity) else { return nil }
            return modelIDs[upstream]
        }

        /// The catalog models a route file with `identity` may have served: the one it links to, or each it fits
        /// when it fits several (models.dev lists two "GLM-4.6", of Z.ai and of Zhipu AI, and a route named "GLM
        /// 4.6" fits both until `base_model` says which); none when it links to no model of the catalog.
        private func candidates(_ path: String, _ identity: RouteIdentity) -> Set<String> {
            switch link(path, identity) {
            case let .linked(upstream, _): return Set([modelIDs[upstream]].compactMap { $0 })
            case let .ambiguous(upstreams): return Set(upstreams.compactMap { modelIDs[$0] })
            case .missingBase, .unlinked: return []
            }
        }

        private func link(_ path: String, _ identity: RouteIdentity) -> RouteLinker.Outcome {
            guard HistoryReplay.isRoute(path) else { return .unlinked }
            var data: [String: TOMLData] = [:]
            if let base = identity.baseModel { data["base_model"] = .string(base) }
            if let name = identity.name { data["name"] = .string(name) }
            return linker.link(
                UpstreamRoute(
                    provider: String(path.split(separator: "/")[1]), modelID: Self.modelID(path), file: path, target: nil, data: data))
        }

        /// `providers/<provider>/models/<id>.toml` → `<id>`.
        private static func modelID(_ path: String) -> String {
            String(path.split(separator: "/", maxSplits: 3)[3].dropLast(".toml".count))
        }
    }

    /// What a run did.
    public struct Outcome: Sendable, Hashable {
        /// Commits read this time, and whether the run started from the beginning.
        public var commitsRead = 0
        public var fromScratch = true
        public var head = ""
        /// Routes with a history, and their changes, across the whole history.
        public var routes = 0
        public var changes = 0
        /// Models given a history file.
        public var models = 0
        public var written: [String] = []
        public var removed: [String] = []
        public var seconds = 0.0

        public var summary: String {
            let read = fromScratch ? "read \(commitsRead) commits from the start" : "read \(commitsRead) new commits"
            return
                "History: \(read) (to \(head.prefix(12))); \(changes) price changes of \(routes) routes, \(models) models with a history file; "
                + "\(written.count) file\(written.count == 1 ? "" : "s") written, \(removed.count) removed, in \(String(format: "%.2f", seconds)) s."
        }
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case git(String)
        case cannotWrite(String)

        public var description: String {
            switch self {
            case let .git(message): return "cannot read the history: \(message)"
            case let .cannotWrite(message): return "cannot write the history: \(message)"
            }
        }
    }

    /// The GitHub repository the checkout was cloned from (`origin`), as `https://github.com/owner/name`, so that
    /// commit links lead where the commits were read; `repository` when origin is not on GitHub (a local clone, a
    /// bundle) or there is none.
    static func repository(of git: GitCommand) -> String {
        guard let data = try? git.run(["config", "--get", "remote.origin.url"]) else { return repository }
        return githubRepository(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? repository
    }

    /// `https://github.com/owner/name` for an https or ssh GitHub remote address (`.git` dropped); nil otherwise.
    static func githubRepository(_ remote: String) -> String? {
        var rest: Substring
        if remote.hasPrefix("https://github.com/") {
            rest = remote.dropFirst("https://github.com/".count)
        } else if remote.hasPrefix("git@github.com:") {
            rest = remote.dropFirst("git@github.com:".count)
        } else if remote.hasPrefix("ssh://git@github.com/") {
            rest = remote.dropFirst("ssh://git@github.com/".count)
        } else {
            return nil
        }
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        if rest.hasSuffix(".git") { rest = rest.dropLast(4) }
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") && $0.allSatisfy(allowed.contains) }) else {
            return nil
        }
        return "https://github.com/\(parts[0])/\(parts[1])"
    }

    func run() throws(Failure) -> Outcome {
        let started = Date()
        let git = GitCommand(folder: checkout)
        var outcome = Outcome()
        do {
            let head = String(decoding: try git.run(["rev-parse", "--verify", "HEAD^{commit}"]), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            outcome.head = head
            var state = HistoryState()
            var replay: HistoryReplay
            let previous = FileManager.default.contents(atPath: output + "/" + Self.stateFile).flatMap(HistoryState.decode)
            if let previous, let commit = previous.commit, (try? git.run(["merge-base", "--is-ancestor", commit, head])) != nil {
                state = previous
                outcome.fromScratch = false
                replay = HistoryReplay(state: state, blobs: BlobStore(git: git), planProviders: planProviders)
                // Files the new commits leave alone are looked up at this commit when a route needs them.
                replay.base = commit
            } else {
                replay = HistoryReplay(state: state, blobs: BlobStore(git: git), planProviders: planProviders)
            }
            if state.commit != head {
                let commits = try GitLog.commits(git, head: head, since: state.commit, folders: ["providers", "models"])
                try replay.blobs.load(commits.flatMap { $0.changes.compactMap(\.blob) })
                for commit in commits { try replay.apply(commit) }
                outcome.commitsRead = commits.count
                replay.state.commit = head
            }
            state = replay.state
            outcome.routes = state.routes.count
            outcome.changes = state.routes.values.reduce(0) { $0 + $1.changes.count }
            let files = HistoryRenderer(repository: Self.repository(of: git)).files(state, owners: owners)
            outcome.models = files.count
            var all = files
            all[Self.stateFile] = state.encoded()
            do {
                let written = try LayerWriter(folder: output).write(all, owned: [])
                outcome.written = written.written
                outcome.removed = written.removed
            } catch {
                throw Failure.cannotWrite(error.localizedDescription)
            }
        } catch let failure as GitCommand.Failure {
            throw .git(failure.message)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .git("\(error)")
        }
        outcome.seconds = Date().timeIntervalSince(started)
        return outcome
    }

    /// The blobs of `paths` at `commit` (those that exist there), and which of them are symbolic links.
    static func tree(_ git: GitCommand, commit: String, paths: [String]) throws(GitCommand.Failure) -> (
        files: [String: String], links: Set<String>
    ) {
        var files: [String: String] = [:], links = Set<String>()
        guard !paths.isEmpty else { return (files, links) }
        let data = try git.run(["ls-tree", "-z", "--full-tree", commit, "--"] + paths)
        for entry in data.split(separator: 0) {
            // "<mode> <type> <hash>\t<path>"
            guard let tab = entry.firstIndex(of: 9) else { continue }
            let meta = String(decoding: entry[entry.startIndex..<tab], as: UTF8.self).split(separator: " ")
            let path = String(decoding: entry[entry.index(after: tab)...], as: UTF8.self)
            guard meta.count == 3, meta[1] == "blob" else { continue }
            files[path] = String(meta[2])
            if meta[0] == "120000" { links.insert(path) }
        }
        return (files, links)
    }
}
