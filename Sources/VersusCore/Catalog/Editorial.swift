/// `Content/comparisons/<a>-vs-<b>.md`: hand-written content for one pair.
public struct Editorial: Sendable, Hashable, Encodable {
    public struct WhenToUse: Sendable, Hashable, Encodable {
        public var situation: String
        public var choose: String
        public var why: String?
    }

    public struct Question: Sendable, Hashable, Encodable {
        public var question: String
        public var answer: String
    }

    public var pair: PairID
    public var title: String?
    public var tldr: [String]
    public var whenToUse: [WhenToUse]
    public var faq: [Question]
    /// The Markdown body after the front matter.
    public var body: String
    public var location: SourceLocation
}
