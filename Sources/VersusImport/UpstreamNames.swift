import VersusCore

/// What models.dev does not say and a catalog entry needs: who develops the models of a lab folder, what kind
/// of provider each provider is, and which providers sell subscriptions rather than tokens. Small fixed tables;
/// anything not listed falls back to what the data says (the provider.toml name, its addresses) or to the most
/// common kind. An editor corrects either in a hand-written file, which wins.
enum UpstreamNames {
    /// `models/<lab>/` → the developer's name.
    static let developers: [String: String] = [
        "alibaba": "Alibaba", "anthropic": "Anthropic", "cohere": "Cohere", "deepseek": "DeepSeek", "google": "Google",
        "meta": "Meta", "minimax": "MiniMax", "mistral": "Mistral AI", "moonshotai": "Moonshot AI", "nvidia": "NVIDIA",
        "openai": "OpenAI", "perplexity": "Perplexity", "stepfun": "StepFun", "tencent": "Tencent", "xai": "xAI",
        "xiaomi": "Xiaomi", "zhipuai": "Zhipu AI",
    ]

    static let kinds: [String: Provider.Kind] = {
        var kinds: [String: Provider.Kind] = [:]
        for id in [
            "alibaba", "alibaba-cn", "anthropic", "cohere", "deepseek", "google", "inception", "llama", "minimax",
            "minimax-cn", "mistral", "moonshotai", "moonshotai-cn", "openai", "perplexity", "poolside", "sarvam",
            "stepfun", "upstage", "xai", "xiaomi", "zai", "zhipuai",
        ] { kinds[id] = .firstParty }
        for id in [
            "302ai", "aihubmix", "anyapi", "fastrouter", "nano-gpt", "openrouter", "orcarouter", "poe", "requesty",
            "routing-run", "zenmux",
        ] { kinds[id] = .router }
        for id in ["cloudflare-ai-gateway", "helicone", "llmgateway", "merge-gateway", "vercel"] { kinds[id] = .gateway }
        for id in [
            "amazon-bedrock", "azure", "azure-cognitive-services", "databricks", "digitalocean", "google-vertex",
            "google-vertex-anthropic", "ovhcloud", "sap-ai-core", "scaleway", "snowflake-cortex", "stackit",
            "vultr",
        ] { kinds[id] = .cloud }
        return kinds
    }()

    /// Providers that sell subscriptions (seats, monthly plans) and whose provider.toml does not say so, so that the
    /// rule of `planReason` cannot see it; their routes are `price_kind: plan`. Provider folder → why.
    static let subscriptionProducts: [String: String] = [
        // Copilot models come with a GitHub Copilot seat (Individual, Business, Enterprise), not per token.
        "github-copilot": "GitHub Copilot seats",
        // GitLab Duo is an add-on to a GitLab subscription, priced per user.
        "gitlab": "GitLab Duo, a per-user add-on to a GitLab subscription",
        // Kimi For Coding is the coding membership of kimi.com, a monthly plan.
        "kimi-for-coding": "the Kimi For Coding membership",
        // Firepass is Fireworks' flat-rate pass, next to its per-token `fireworks-ai`.
        "firepass": "Fireworks Firepass, a flat-rate pass",
        // OpenCode Go is a monthly subscription, next to the per-token OpenCode Zen (`opencode`).
        "opencode-go": "the OpenCode Go subscription",
    ]

    /// Words in a provider's id or name that say it sells a plan (compared ignoring case).
    static let planWords = ["coding plan", "coding-plan", "token plan", "token-plan"]
    /// Path segments of an `api` or `doc` address that name a plan (compared ignoring case, `_` read as `-`).
    static let planSegments: Set<String> = ["coding-plan", "token-plan", "step-plan"]

    /// Why a provider sells subscriptions or plans rather than tokens, or nil when it does not. The rule, in order:
    ///
    /// 1. its folder id or its `name` contains "coding plan", "coding-plan", "token plan" or "token-plan", ignoring
    ///    case (`alibaba-coding-plan`, "MiniMax Token Plan (minimax.io)");
    /// 2. its `api` or `doc` address has a path segment (after the host, before `?` or `#`) that is `coding-plan`,
    ///    `token-plan` or `step-plan`, ignoring case and reading `_` as `-` (`https://api.stepfun.ai/step_plan/v1`);
    ///    the host does not count;
    /// 3. it is in `subscriptionProducts`.
    ///
    /// Its routes are then `price_kind: plan`: their prices, often 0, are not what a month of traffic costs.
    static func planReason(provider id: String, data: [String: TOMLData]?) -> String? {
        let name = data?["name"]?.string ?? ""
        for (label, text) in [("id", id), ("name", name)] {
            if let word = planWords.first(where: { text.lowercased().contains($0) }) {
                return "its \(label) says \"\(word)\""
            }
        }
        for key in ["api", "doc"] {
            guard let address = data?[key]?.string else { continue }
            if let segment = pathSegments(address).first(where: {
                planSegments.contains($0.lowercased().replacingOccurrences(of: "_", with: "-"))
            }) {
                return "its `\(key)` address has the path segment `\(segment)`"
            }
        }
        return subscriptionProducts[id].map { "the importer's table of subscription products: \($0)" }
    }

    /// The path segments of a web address: what follows the host, up to `?` or `#`, split at `/`. None when the text
    /// has no `://`.
    static func pathSegments(_ address: String) -> [String] {
        guard let scheme = address.range(of: "://") else { return [] }
        let rest = address[scheme.upperBound...].prefix { $0 != "?" && $0 != "#" }
        return rest.split(separator: "/", omittingEmptySubsequences: true).dropFirst().map(String.init)
    }

    static func developer(lab: String, providers: [String: UpstreamProvider]) -> String {
        developers[lab] ?? providers[lab]?.data?["name"]?.string ?? lab
    }

    static func kind(provider: String) -> Provider.Kind {
        kinds[provider] ?? .inferenceHost
    }
}
