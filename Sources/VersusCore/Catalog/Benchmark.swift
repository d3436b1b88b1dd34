/// An entry of `Content/benchmarks.yaml`.
public struct Benchmark: Sendable, Hashable, Encodable {
    public enum Category: String, Sendable, CaseIterable, Encodable {
        case reasoning = "reasoning-and-knowledge"
        case coding
        case agentic
        case math
        case multimodal
        case toolUse = "tool-use"
        case multilingual
        case preference

        public var label: String {
            switch self {
            case .reasoning: return "Reasoning and knowledge"
            case .coding: return "Coding"
            case .agentic: return "Agentic tasks"
            case .math: return "Math"
            case .multimodal: return "Multimodal"
            case .toolUse: return "Tool use"
            case .multilingual: return "Multilingual"
            case .preference: return "Human preference"
            }
        }
    }

    public enum Unit: String, Sendable, CaseIterable, Encodable {
        case percent
        case score
        case elo
    }

    public var id: String
    public var name: String
    public var category: Category
    public var unit: Unit
    public var higherIsBetter: Bool
    public var url: String?
    /// Other names the benchmark goes by (used to match imported results).
    public var aliases: [String]
    public var location: SourceLocation

    public init(
        id: String, name: String, category: Category, unit: Unit, higherIsBetter: Bool, url: String?,
        aliases: [String], location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.category = category
        self.unit = unit
        self.higherIsBetter = higherIsBetter
        self.url = url
        self.aliases = aliases
        self.location = location
    }
}
