import VersusCore

/// What models.dev does not say and a catalog entry needs: who develops the models of a lab folder, and what kind
/// of provider each provider is. Small fixed tables; anything not listed falls back to what the data says (the
/// provider.toml name) or to the most common kind. An editor corrects either in a hand-written file, which wins.
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
        for id in ["alibaba", "alibaba-cn", "anthropic", "cohere", "deepseek", "google", "inception", "llama", "minimax",
                   "minimax-cn", "mistral", "moonshotai", "moonshotai-cn", "openai", "perplexity", "poolside", "sarvam",
                   "stepfun", "upstage", "xai", "xiaomi", "zai", "zhipuai"] { kinds[id] = .firstParty }
        for id in ["302ai", "aihubmix", "anyapi", "fastrouter", "nano-gpt", "openrouter", "orcarouter", "poe", "requesty",
                   "routing-run", "zenmux"] { kinds[id] = .router }
        for id in ["cloudflare-ai-gateway", "helicone", "llmgateway", "merge-gateway", "vercel"] { kinds[id] = .gateway }
        for id in ["amazon-bedrock", "azure", "azure-cognitive-services", "databricks", "digitalocean", "google-vertex",
                   "google-vertex-anthropic", "ovhcloud", "sap-ai-core", "scaleway", "snowflake-cortex", "stackit",
                   "vultr"] { kinds[id] = .cloud }
        return kinds
    }()

    static func developer(lab: String, providers: [String: UpstreamProvider]) -> String {
        developers[lab] ?? providers[lab]?.data?["name"]?.string ?? lab
    }

    static func kind(provider: String) -> Provider.Kind {
        kinds[provider] ?? .inferenceHost
    }
}
