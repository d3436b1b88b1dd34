import Foundation

/// Reads the files of a models.dev checkout. Follows symbolic links, both real ones and the one-line files that
/// stand in for them in a checkout made without symbolic-link support (`../../alibaba/models/qwen3-coder-plus.toml`),
/// but never out of the checkout, never in circles, and never into anything that is not a small regular file.
struct CheckoutFiles: Sendable {
    /// The checkout's folder, absolute, with symbolic links resolved.
    let root: String
    static let maximumFileSize = 1 << 20
    static let maximumLinkHops = 8

    init(root: String) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
    }

    enum Kind: Sendable, Equatable {
        case file, folder, link, other, missing
    }

    func absolute(_ relative: String) -> String { relative.isEmpty ? root : root + "/" + relative }

    func kind(_ relative: String) -> Kind {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: absolute(relative)) else { return .missing }
        switch attributes[.type] as? FileAttributeType {
        case .typeRegular?: return .file
        case .typeDirectory?: return .folder
        case .typeSymbolicLink?: return .link
        default: return .other
        }
    }

    /// The names in a folder, sorted, without hidden ones; nil when it is not a folder.
    func list(_ relative: String) -> [String]? {
        guard kind(relative) == .folder, let names = try? FileManager.default.contentsOfDirectory(atPath: absolute(relative)) else {
            return nil
        }
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Every `.toml` file under a folder, recursively, as paths relative to the checkout, sorted; other files are
    /// reported. Folders reached through links are not entered.
    func tomlFiles(under folder: String, warnings: inout [ImportWarning]) -> [String] {
        var result: [String] = []
        for name in list(folder) ?? [] {
            let path = folder + "/" + name
            switch kind(path) {
            case .folder: result += tomlFiles(under: path, warnings: &warnings)
            case .file, .link:
                if name.hasSuffix(".toml") {
                    result.append(path)
                } else {
                    warnings.append(ImportWarning(path, "not a .toml file; skipped"))
                }
            case .other: warnings.append(ImportWarning(path, "not a regular file; skipped"))
            case .missing: break
            }
        }
        return result
    }

    /// A TOML file read and parsed, with the file it really came from when it was reached through links.
    struct Document: Sendable {
        var table: [String: TOMLData]
        var target: String?
    }

    /// Reads and parses `relative`, following links; a warning naming `relative` says why it cannot.
    func readTOML(_ relative: String) -> Result<Document, ImportWarning> {
        var current = relative
        var hops = 0
        var seen: Set<String> = [relative]
        func follow(_ destination: String) -> ImportWarning? {
            let shown = OneLine.quoted(destination)
            guard !destination.hasPrefix("/"), let next = Self.resolve(destination, from: current) else {
                return ImportWarning(relative, "link to \(shown) points outside the checkout; skipped")
            }
            hops += 1
            if hops > Self.maximumLinkHops || seen.contains(next) {
                return ImportWarning(
                    relative, "links from here go round in a circle or on for more than \(Self.maximumLinkHops) steps; skipped")
            }
            seen.insert(next)
            if kind(next) == .missing {
                return ImportWarning(relative, "broken link: \(shown) does not exist; skipped")
            }
            current = next
            return nil
        }
        while true {
            switch kind(current) {
            case .missing:
                return .failure(ImportWarning(relative, "cannot be read; skipped"))
            case .folder:
                return .failure(
                    ImportWarning(relative, current == relative ? "is a folder; skipped" : "links to a folder (\(current)); skipped"))
            case .other:
                return .failure(ImportWarning(relative, "is not a regular file; skipped"))
            case .link:
                guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: absolute(current)) else {
                    return .failure(ImportWarning(relative, "cannot read the link; skipped"))
                }
                if let problem = follow(destination) { return .failure(problem) }
            case .file:
                let text: String
                switch readText(current) {
                case let .success(value): text = value
                case let .failure(problem): return .failure(ImportWarning(relative, problem.message))
                }
                do {
                    let table = try TOMLData.parse(text)
                    return .success(Document(table: table, target: current == relative ? nil : current))
                } catch {
                    if let destination = Self.linkStub(text) {
                        if let problem = follow(destination) { return .failure(problem) }
                        continue
                    }
                    let inFile = current == relative ? "" : " (in \(current), reached through a link)"
                    return .failure(
                        ImportWarning(
                            relative, "not valid TOML: \(error.message)\(inFile); skipped",
                            line: current == relative ? error.line : nil,
                            column: current == relative ? error.column : nil))
                }
            }
        }
    }

    private struct Unreadable: Error {
        var message: String
    }

    private func readText(_ relative: String) -> Result<String, Unreadable> {
        let url = URL(fileURLWithPath: absolute(relative))
        guard let handle = try? FileHandle(forReadingFrom: url) else { return .failure(Unreadable(message: "cannot be read; skipped")) }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: Self.maximumFileSize + 1) ?? Data() else {
            return .failure(Unreadable(message: "cannot be read; skipped"))
        }
        if data.count > Self.maximumFileSize {
            return .failure(Unreadable(message: "is larger than 1 MB, too large for one model; skipped"))
        }
        if data.contains(0) { return .failure(Unreadable(message: "holds NUL bytes: binary, not TOML; skipped")) }
        guard let text = String(data: data, encoding: .utf8) else { return .failure(Unreadable(message: "is not UTF-8 text; skipped")) }
        return .success(text)
    }

    /// The destination written in a one-line link stand-in, or nil when `text` is not one.
    static func linkStub(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.utf8.count <= 1024, trimmed.hasSuffix(".toml"),
            !trimmed.contains(where: { $0.isNewline || $0 == "=" || $0 == "[" || $0 == "\"" || $0 == "#" })
        else { return nil }
        return trimmed
    }

    /// `destination` read relative to the folder of `path` (both inside the checkout), normalised; nil when it
    /// leaves the checkout.
    static func resolve(_ destination: String, from path: String) -> String? {
        var parts = path.split(separator: "/").map(String.init)
        parts.removeLast()
        for part in destination.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if parts.isEmpty { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }
}
