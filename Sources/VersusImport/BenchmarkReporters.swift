import Foundation
import VersusCore

/// Who ran a benchmark, from the address models.dev cites for the score and the lab the model's file sits under:
/// - one of the independent leaderboards below: `independent` (the leaderboard ran it under its own fixed harness);
/// - a model card on Hugging Face or a paper on arXiv: `maker` (model repositories and technical reports are
///   published by the model's authors);
/// - any other site whose name starts like the lab's folder (`www.anthropic.com` for `anthropic/…`, `mistral.ai` for
///   `mistral/…`): `maker`;
/// - any other site: `rival`, another company's run (Anthropic's launch post scoring GPT-5.5).
/// A result without an address gets no reporter, so it never leads a comparison.
enum BenchmarkReporters {
    /// Hosts that run benchmarks on other people's models, with the leaderboard each one is. A host is matched
    /// exactly or as a parent domain (`www.swebench.com` matches `swebench.com`).
    static let independentHosts: [String: String] = [
        "aider.chat": "Aider's LLM leaderboards",
        "artificialanalysis.ai": "Artificial Analysis",
        "epoch.ai": "Epoch AI Benchmarking Hub",
        "labs.scale.com": "Scale AI's SEAL leaderboards",
        "livecodebench.github.io": "LiveCodeBench leaderboard",
        "lmarena.ai": "LMArena",
        // OpenRouter's model pages reprint Artificial Analysis's figures.
        "openrouter.ai": "OpenRouter (Artificial Analysis figures)",
        "swebench.com": "SWE-bench leaderboard",
        "tbench.ai": "Terminal-Bench leaderboard",
    ]

    static func reporter(source address: String?, lab: String) -> BenchmarkReporter? {
        guard let address, let host = URLComponents(string: address)?.host?.lowercased(), !host.isEmpty else { return nil }
        var candidate = host
        while true {
            if independentHosts[candidate] != nil { return .independent }
            guard let dot = candidate.firstIndex(of: ".") else { break }
            candidate = String(candidate[candidate.index(after: dot)...])
        }
        let labels = host.split(separator: ".").map(String.init).filter { $0 != "www" }
        guard let site = labels.dropLast().last else { return .rival }
        if site == "huggingface" || site == "arxiv" { return .maker }
        let letters = { (text: String) in text.lowercased().filter { $0.isLetter || $0.isNumber } }
        let name = letters(site), folder = letters(lab)
        guard name.count >= 3, folder.count >= 3 else { return .rival }
        return name.hasPrefix(folder) || folder.hasPrefix(name) ? .maker : .rival
    }
}
