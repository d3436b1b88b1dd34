import Foundation

/// One commit of the first-parent line of a repository, with the files it changed against its first parent (a
/// merge brings everything of its branch at once, on the day it landed).
struct GitCommit: Sendable, Hashable {
    var hash: String
    /// The committer's time, seconds since 1970.
    var time: Int
    var changes: [GitFileChange]

    /// The committer's day, in UTC.
    var day: String { Self.day(time) }

    static func day(_ seconds: Int) -> String {
        // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm): no calendar, no time zone.
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

/// One line of `git log --raw`: a file added, modified, deleted, renamed or changed in type.
struct GitFileChange: Sendable, Hashable {
    enum Status: Sendable, Hashable {
        case added, modified, deleted, renamed
    }

    var status: Status
    /// The path before the change (the old name of a rename).
    var path: String
    /// The path after it: `path` except for a rename.
    var newPath: String
    /// The blob after the change; nil when deleted.
    var blob: String?
    /// True when the file after the change is a symbolic link (mode 120000).
    var isLink: Bool
}

/// Reads the first-parent history of the files under some folders through `git log`.
enum GitLog {
    static let marker: UInt8 = 1

    /// The commits after `since` (all of them when nil) up to `head`, oldest first.
    static func commits(_ git: GitCommand, head: String, since: String?, folders: [String]) throws(GitCommand.Failure) -> [GitCommit] {
        let range = since.map { "\($0)..\(head)" } ?? head
        let data = try git.run(
            [
                "log", "--first-parent", "-m", "--root", "--reverse", "-M", "--raw", "--no-abbrev", "-z", "-l0",
                "--format=%x01%H %ct", range, "--",
            ] + folders)
        return parse(data)
    }

    /// Parses `git log -z --raw --format=%x01%H %ct`: NUL-separated fields, a commit's line starting with byte 1.
    static func parse(_ data: Data) -> [GitCommit] {
        var commits: [GitCommit] = []
        var fields = data.split(separator: 0, omittingEmptySubsequences: false).makeIterator()
        func trimmed(_ field: Data.SubSequence) -> Substring {
            var text = Substring(decoding: field, as: UTF8.self)
            while let first = text.first, first == "\n" { text = text.dropFirst() }
            return text
        }
        while let raw = fields.next() {
            let field = trimmed(raw)
            if field.first == "\u{01}" {
                let parts = field.dropFirst().split(separator: " ")
                guard parts.count == 2, let time = Int(parts[1]) else { continue }
                commits.append(GitCommit(hash: String(parts[0]), time: time, changes: []))
            } else if field.first == ":" {
                // :old-mode new-mode old-blob new-blob status, then the path (two for a rename or copy).
                let meta = field.dropFirst().split(separator: " ")
                guard meta.count == 5, let letter = meta[4].first, let path = fields.next() else { continue }
                let first = String(trimmed(path))
                var second = first
                let status: GitFileChange.Status
                switch letter {
                case "A": status = .added
                case "D": status = .deleted
                case "R":
                    status = .renamed
                    guard let next = fields.next() else { continue }
                    second = String(trimmed(next))
                case "C":
                    // A copy adds its destination.
                    guard let next = fields.next() else { continue }
                    let destination = String(trimmed(next))
                    commits[commits.count - 1].changes.append(
                        GitFileChange(
                            status: .added, path: destination, newPath: destination, blob: String(meta[3]), isLink: meta[1] == "120000"))
                    continue
                default: status = .modified
                }
                guard !commits.isEmpty else { continue }
                commits[commits.count - 1].changes.append(
                    GitFileChange(
                        status: status, path: first, newPath: second, blob: status == .deleted ? nil : String(meta[3]),
                        isLink: meta[1] == "120000"))
            }
        }
        return commits
    }
}
