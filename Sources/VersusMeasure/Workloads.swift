import Foundation
import VersusCore

/// A prompt the run sends, with the output length asked for.
public struct Workload: Sendable, Equatable {
    public var name: String
    public var prompt: String
    public var outputTokens: Int

    public init(name: String, prompt: String, outputTokens: Int) {
        self.name = name
        self.prompt = prompt
        self.outputTokens = outputTokens
    }
}

/// The prompts of a run: the built-in, versioned set or a file of the editor's. The hash recorded in the measurement
/// identifies the exact prompts, so two measurements with the same hash asked the same.
public struct PromptSet: Sendable, Equatable {
    public var name: String
    public var workloads: [Workload]

    public init(name: String, workloads: [Workload]) {
        self.name = name
        self.workloads = workloads
    }

    /// SHA-256 over each workload's name, output length and prompt, each part length-prefixed.
    public var sha256: String {
        var hasher = FingerprintHasher()
        for workload in workloads {
            hasher.add(workload.name)
            hasher.add(String(workload.outputTokens))
            hasher.add(workload.prompt)
        }
        return hasher.finish().hex
    }

    /// Version 1 of the built-in set. Changing a prompt means a new version: the name is part of what a reader
    /// compares. Short chat is about 100 tokens in and 300 out, long context about 1,000 in and 256 out.
    public static let builtin = PromptSet(
        name: "builtin-1",
        workloads: [
            Workload(
                name: "short-chat",
                prompt: """
                    I am planning a weekend of hiking in hilly country in late autumn. The days are short and the nights are \
                    cold, and I will sleep in a small tent. Write me a practical checklist of what to pack, grouped by \
                    clothing, shelter, food, water and safety, and explain briefly why each item matters. Then give three \
                    tips for staying warm at night without a heavy sleeping bag, and one tip for keeping a phone charged.
                    """, outputTokens: 300),
            Workload(name: "long-context", prompt: longContextPrompt, outputTokens: 256),
            Workload(
                name: "code",
                prompt: """
                    Write a Python function `merge_intervals(intervals)` that takes a list of (start, end) pairs of integers, \
                    merges every pair that overlaps or touches, and returns the merged pairs sorted by start. Handle an empty \
                    list and pairs given in any order. Add a docstring, type hints and five small test cases using assert, \
                    then explain the time complexity in two sentences.
                    """, outputTokens: 256),
        ])

    /// A made-up maintenance log of a small fleet of delivery vans, long enough to be about a thousand tokens, and a
    /// question that needs the whole of it. Generated, so the text is the same everywhere.
    static var longContextPrompt: String {
        let vans = ["Alder", "Birch", "Cedar", "Damson", "Elm", "Fir"]
        let jobs = [
            "replaced the front brake pads", "topped up the coolant and checked the hoses",
            "rotated the tyres and set the pressures", "changed the engine oil and filter",
            "fixed a rattle in the sliding door", "recalibrated the tachograph",
            "replaced a cracked wing mirror", "cleaned the fuel injectors",
        ]
        var lines = ["Below is the maintenance log of a delivery company for the first weeks of a year.", ""]
        for entry in 0..<27 {
            let van = vans[(entry * 5) % vans.count], job = jobs[(entry * 3) % jobs.count]
            let day = entry % 28 + 1, month = entry / 28 + 1, miles = 40_000 + entry * 1_375
            lines.append("Entry \(entry + 1), day \(day) of month \(month): van \(van) at \(miles) miles; the mechanic \(job).")
        }
        lines.append("")
        lines.append(
            "Using only the log above, list for each van the jobs done on it and its highest mileage, then say which van needed the most work and suggest when each van should next be inspected."
        )
        return lines.joined(separator: "\n")
    }

    /// Reads `--prompts FILE`: prompts separated by lines of `---`; a prompt's first line may be `# name`.
    public static func load(_ path: String, maxTokens: Int?) throws -> PromptSet {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw PromptFileError(message: "cannot read the prompt file \(path): check the path and that it is UTF-8 text")
        }
        var workloads: [Workload] = []
        var current: [String] = []
        func close() {
            var lines = current
            current = []
            var name = "prompt-\(workloads.count + 1)"
            if let first = lines.first?.trimmingWhitespace, first.hasPrefix("# ") {
                name = String(first.dropFirst(2)).trimmingWhitespace
                lines.removeFirst()
            }
            let prompt = lines.joined(separator: "\n").trimmingWhitespace
            if !prompt.isEmpty { workloads.append(Workload(name: name, prompt: prompt, outputTokens: maxTokens ?? 256)) }
        }
        for line in text.components(separatedBy: "\n") {
            if line.trimmingWhitespace == "---" { close() } else { current.append(line) }
        }
        close()
        guard !workloads.isEmpty else {
            throw PromptFileError(message: "the prompt file \(path) has no prompt: write prompts separated by lines of ---")
        }
        let base = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return PromptSet(name: "file:\(base)", workloads: workloads)
    }
}

public struct PromptFileError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
