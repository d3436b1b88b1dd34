/// `Content/providers/<id>.yaml`: somewhere a model can be called.
public struct Provider: Sendable, Hashable, Encodable {
    public enum Kind: String, Sendable, CaseIterable, Encodable {
        case firstParty = "first-party"
        case router
        case gateway
        case cloud
        case inferenceHost = "inference-host"

        public var label: String {
            switch self {
            case .firstParty: return "First-party API"
            case .router: return "Router"
            case .gateway: return "Gateway"
            case .cloud: return "Cloud platform"
            case .inferenceHost: return "Inference host"
            }
        }
    }

    public var id: String
    public var name: String
    public var kind: Kind
    public var url: String?
    /// nil when not documented.
    public var openAICompatible: Bool?
    public var location: SourceLocation
    /// How every route of this provider is sold, when the provider's file says (`price_kind: plan` for a provider
    /// that sells subscriptions only); a route's own `price_kind` wins.
    public var priceKind: PriceKind? = nil
}
