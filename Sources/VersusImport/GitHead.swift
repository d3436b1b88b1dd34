import Foundation

/// The commit a git checkout is at, read from `.git` without running git: HEAD, then the branch it names in
/// `refs/heads/` or `packed-refs`. A worktree's `.git` file (`gitdir: …`) is followed. Nil when any of it is missing.
enum GitHead {
    static func commit(of folder: String) -> String? {
        var gitDirectory = folder + "/.git"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: gitDirectory, isDirectory: &isDirectory) else { return nil }
        if !isDirectory.boolValue {
            guard let pointer = read(gitDirectory), pointer.hasPrefix("gitdir:") else { return nil }
            let path = pointer.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespaces)
            gitDirectory = path.hasPrefix("/") ? path : folder + "/" + path
        }
        guard let head = read(gitDirectory + "/HEAD") else { return nil }
        if isCommit(head) { return head }
        guard head.hasPrefix("ref:") else { return nil }
        let ref = head.dropFirst("ref:".count).trimmingCharacters(in: .whitespaces)
        guard !ref.contains(".."), ref.hasPrefix("refs/") else { return nil }
        // A worktree keeps its HEAD but shares the branches of the main repository (named in `commondir`).
        var repositories = [gitDirectory]
        if let common = read(gitDirectory + "/commondir") {
            repositories.append(common.hasPrefix("/") ? common : gitDirectory + "/" + common)
        }
        for repository in repositories {
            if let value = read(repository + "/" + ref), isCommit(value) { return value }
            if let packed = read(repository + "/packed-refs") {
                for line in packed.split(separator: "\n") where line.hasSuffix(" " + ref) {
                    let value = String(line.prefix(40))
                    if isCommit(value) { return value }
                }
            }
        }
        return nil
    }

    private static func read(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path), data.count < 1 << 20,
            let text = String(data: data, encoding: .utf8)
        else { return nil }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func isCommit(_ text: String) -> Bool {
        (text.count == 40 || text.count == 64) && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }
}
