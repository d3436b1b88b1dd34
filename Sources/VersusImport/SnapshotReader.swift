import Foundation
import VersusCore

/// Reads a models.dev checkout into a `Snapshot`. Nothing in the data stops it: every file that cannot be used
/// becomes one warning naming it.
public struct SnapshotReader: Sendable {
    public var folder: String

    public init(folder: String) {
        self.folder = folder
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case notACheckout(String)

        public var description: String {
            switch self {
            case let .notACheckout(folder):
                return "\(folder) is not a models.dev checkout: it needs a models/ and a providers/ folder"
            }
        }
    }

    public func read() throws(Failure) -> Snapshot {
        let files = CheckoutFiles(root: folder)
        guard files.kind("models") == .folder, files.kind("providers") == .folder else { throw .notACheckout(folder) }
        var snapshot = Snapshot()
        var newest: ISODate?
        func noteUpdate(_ data: [String: TOMLData]) {
            if let text = data["last_updated"]?.dateText, let date = ISODate(text), date.day != nil, newest.map({ date > $0 }) ?? true {
                newest = date
            }
        }

        for path in files.tomlFiles(under: "models", warnings: &snapshot.warnings) {
            let parts = path.dropFirst("models/".count).dropLast(".toml".count).split(separator: "/").map(String.init)
            guard parts.count >= 2 else {
                snapshot.warnings.append(ImportWarning(path, "a model file belongs in models/<lab>/; skipped"))
                continue
            }
            switch files.readTOML(path) {
            case let .success(document):
                noteUpdate(document.table)
                snapshot.models.append(
                    UpstreamModel(
                        id: parts.joined(separator: "/"), lab: parts[0],
                        name: parts.dropFirst().joined(separator: "/"), file: path,
                        data: document.table))
            case let .failure(warning):
                snapshot.warnings.append(warning)
            }
        }

        for provider in files.list("providers") ?? [] where files.kind("providers/\(provider)") == .folder {
            let manifest = "providers/\(provider)/provider.toml"
            var data: [String: TOMLData]?
            switch files.readTOML(manifest) {
            case let .success(document): data = document.table
            case let .failure(warning):
                snapshot.warnings.append(
                    files.kind(manifest) == .missing
                        ? ImportWarning(manifest, "is missing; the provider's id stands for its name") : warning)
            }
            snapshot.providers.append(UpstreamProvider(id: provider, file: manifest, data: data))
            let base = "providers/\(provider)/models"
            for path in files.tomlFiles(under: base, warnings: &snapshot.warnings) {
                switch files.readTOML(path) {
                case let .success(document):
                    noteUpdate(document.table)
                    snapshot.routes.append(
                        UpstreamRoute(
                            provider: provider, modelID: String(path.dropFirst(base.count + 1).dropLast(".toml".count)),
                            file: path, target: document.target, data: document.table))
                case let .failure(warning):
                    snapshot.unreadableRoutes += 1
                    snapshot.warnings.append(warning)
                }
            }
        }
        snapshot.models.sort { $0.id < $1.id }
        snapshot.routes.sort { ($0.provider, $0.modelID) < ($1.provider, $1.modelID) }
        snapshot.newestUpdate = newest
        snapshot.commit = GitHead.commit(of: files.root)
        return snapshot
    }
}
