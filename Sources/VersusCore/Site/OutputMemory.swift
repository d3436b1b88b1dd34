import Foundation
import Synchronization

/// What a process that rebuilds the same output again and again (`versus serve`) knows of it: the manifest it last
/// recorded there, whole. A rebuild then neither reads the manifest back nor checks that each file it lists is still
/// in the output: the process wrote them itself. A file deleted from the output by hand while the process runs is
/// therefore made again only when its fingerprint changes, or by the next `versus build`.
public final class OutputMemory: Sendable {
    private let state = Mutex<(path: String, manifest: BuildManifest)?>(nil)

    public init() {}

    /// The manifest last recorded at `url` by this process, if the last build there finished.
    func manifest(at url: URL) -> BuildManifest? {
        state.withLock { $0?.path == url.standardizedFileURL.path ? $0?.manifest : nil }
    }

    func remember(_ manifest: BuildManifest, at url: URL) {
        state.withLock { $0 = (url.standardizedFileURL.path, manifest) }
    }

    /// Before anything in the output changes: until the build records its manifest, the disk is the only truth.
    func forget() {
        state.withLock { $0 = nil }
    }
}
