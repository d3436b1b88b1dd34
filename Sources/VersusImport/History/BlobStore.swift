import Foundation

/// The contents of git blobs, read in batches through `git cat-file --batch` and kept by hash.
struct BlobStore {
    var git: GitCommand
    private(set) var texts: [String: String] = [:]
    /// How many blobs were read from git.
    private(set) var read = 0

    init(git: GitCommand) {
        self.git = git
    }

    /// Reads every blob of `hashes` not read yet, in one run of git.
    mutating func load(_ hashes: some Sequence<String>) throws(GitCommand.Failure) {
        let missing = Array(Set(hashes.filter { texts[$0] == nil })).sorted()
        guard !missing.isEmpty else { return }
        let data = try git.run(["cat-file", "--batch"], input: Data((missing.joined(separator: "\n") + "\n").utf8))
        read += missing.count
        // Each answer: "<hash> <type> <size>\n<content>\n", or "<hash> missing\n".
        var index = data.startIndex
        while index < data.endIndex {
            guard let newline = data[index...].firstIndex(of: 10) else { break }
            let header = String(decoding: data[index..<newline], as: UTF8.self).split(separator: " ")
            index = data.index(after: newline)
            guard header.count == 3, let size = Int(header[2]) else { continue }
            let end = data.index(index, offsetBy: size)
            texts[String(header[0])] = String(decoding: data[index..<end], as: UTF8.self)
            index = min(data.endIndex, data.index(after: end))
        }
    }

    func text(_ hash: String) -> String? { texts[hash] }
}
