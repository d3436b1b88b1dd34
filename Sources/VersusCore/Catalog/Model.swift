import Foundation

/// `Content/models/<id>.yaml`: everything the catalog knows about one model.
/// Every optional is "not documented": absent facts stay absent, never zero or "no".
public struct Model: Sendable, Hashable, Encodable {
    public var id: String
    public var name: String
    public var developer: String
    public var family: String?
    public var productType: ProductType?
    public var releaseDate: ISODate?
    public var knowledgeCutoff: ISODate?
    public var license: License?
    public var openness: Openness?
    public var commercialUse: CommercialUse?
    public var parameters: Parameters?
    public var architecture: Architecture?
    public var contextWindow: Figure<Int>?
    public var maxOutput: Figure<Int>?
    public var inputModalities: [Modality]
    public var outputModalities: [Modality]
    public var languages: Languages?
    /// Keyed by capability id; a capability missing here is not documented.
    public var capabilities: [String: CapabilityState]
    public var bestFor: [String]
    public var decisionFit: [DecisionTag]
    public var routes: [Route]
    public var benchmarkResults: [BenchmarkResult]
    public var selfHosting: [SelfHostingVariant]
    public var sources: [SourceReference]
    public var lastReviewed: ISODate?
    public var notes: String?
    public var location: SourceLocation
    /// Other ids of this same model (an undated alias of a dated snapshot, or the reverse): a model of such an id is
    /// folded into this one when the catalog is loaded, and its addresses redirect to this model's pages.
    public var aliases: [ModelAlias] = []

    public func capability(_ id: String) -> CapabilityState { capabilities[id] ?? .notDocumented }
}

/// Another id of a model, and where the catalog says so.
public struct ModelAlias: Sendable, Hashable, Encodable {
    public var id: String
    public var location: SourceLocation

    public init(id: String, location: SourceLocation) {
        self.id = id
        self.location = location
    }
}

public enum CapabilityState: String, Sendable, Hashable, Encodable {
    case yes
    case no
    case notDocumented = "not-documented"

    public var label: String {
        switch self {
        case .yes: return "Yes"
        case .no: return "No"
        case .notDocumented: return "Not documented"
        }
    }
}

public enum ProductType: String, Sendable, CaseIterable, Encodable {
    case codingSpecialized = "coding-specialized"
    case general
    case reasoning
    case multimodal
    case lightweight
    case agentic
    /// Models that do another job than writing text: comparing their prices or limits with a chat model's says nothing.
    case embedding
    case reranking
    case safetyClassifier = "safety-classifier"
    case speech

    /// False for models whose output is not text a reader asks for (vectors, rankings, verdicts on safety, audio).
    public var writesText: Bool {
        switch self {
        case .embedding, .reranking, .safetyClassifier, .speech: return false
        default: return true
        }
    }

    /// What the model is for, in a clause, for the jobs that are not writing text.
    public var job: String? {
        switch self {
        case .embedding: return "turns text into vectors for search and retrieval"
        case .reranking: return "orders search results by relevance"
        case .safetyClassifier: return "flags unsafe prompts and replies"
        case .speech: return "turns text into speech"
        default: return nil
        }
    }

    public var label: String {
        switch self {
        case .codingSpecialized: return "Coding-specialized model"
        case .general: return "General-purpose model"
        case .reasoning: return "Reasoning model"
        case .multimodal: return "Multimodal model"
        case .lightweight: return "Lightweight model"
        case .agentic: return "Agentic model"
        case .embedding: return "Embedding model"
        case .reranking: return "Reranking model"
        case .safetyClassifier: return "Safety classifier"
        case .speech: return "Speech model"
        }
    }
}

public enum Openness: String, Sendable, CaseIterable, Encodable {
    case openWeights = "open-weights"
    case proprietary

    public var label: String { self == .openWeights ? "Open weights" : "Proprietary" }
}

public enum CommercialUse: String, Sendable, CaseIterable, Encodable {
    case allowed
    case conditional
    case notAllowed = "not-allowed"

    public var label: String {
        switch self {
        case .allowed: return "Allowed"
        case .conditional: return "Allowed with conditions"
        case .notAllowed: return "Not allowed"
        }
    }
}

public enum Architecture: String, Sendable, CaseIterable, Encodable {
    case dense
    case mixtureOfExperts = "mixture-of-experts"
    case decoderOnly = "decoder-only"

    public var label: String {
        switch self {
        case .dense: return "Dense"
        case .mixtureOfExperts: return "Mixture of experts"
        case .decoderOnly: return "Decoder-only transformer"
        }
    }
}

public enum Modality: String, Sendable, CaseIterable, Encodable {
    case text, image, audio, video, pdf, ui

    public var label: String {
        switch self {
        case .pdf: return "PDF"
        case .ui: return "UI screenshots"
        default: return rawValue.capitalized
        }
    }
}

public enum DecisionTag: String, Sendable, CaseIterable, Encodable {
    case coding, rag, agents, vision, multilingual, math, reasoning, chat, budget, local
    case longContext = "long-context"
    case toolUse = "tool-use"

    public var label: String {
        switch self {
        case .rag: return "RAG"
        case .longContext: return "Long context"
        case .toolUse: return "Tool use"
        default: return rawValue.capitalized
        }
    }
}

public struct License: Sendable, Hashable, Encodable {
    public var name: String
    /// nil when not documented.
    public var osiApproved: Bool?
    public var url: String?
}

/// Parameter counts in billions.
public struct Parameters: Sendable, Hashable, Encodable {
    public var totalBillions: Figure<Decimal>?
    public var activeBillions: Figure<Decimal>?
}

public struct Languages: Sendable, Hashable, Encodable {
    public var count: Int?
    public var primary: [String]
    public var source: SourceReference?
}
