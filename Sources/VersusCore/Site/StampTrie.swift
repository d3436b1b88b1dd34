/// The stamps of one template, found by replaying the engine's lookups on a view.
///
/// swift-mustache decides what to render next only from what its lookups returned so far, so the guards recorded
/// for each shape of view form a tree: from the root, each node names the next lookup and leads on by its outcome,
/// and a path that ends names the stamp for that shape, or says the engine must render it itself.
struct StampTrie: Sendable {
    enum Node: Sendable {
        /// Nothing recorded past this point yet.
        case open
        /// Look up `step` in the value of guard `parent` (-1: the view), and go on by what it holds.
        case test(parent: Int, step: ViewPathStep, edges: [ViewOutcome: Int])
        case stamp(Int)
        /// Views of this shape are rendered by the engine (a stamp could not stand for them).
        case engine
    }

    enum Match {
        case stamp(TemplateStamp, values: [Any?])
        case engine
        case unknown
    }

    private(set) var nodes: [Node] = [.open]
    private(set) var stamps: [TemplateStamp] = []
    private(set) var engineShapes = 0

    func match(_ view: [String: Any]) -> Match {
        var values: [Any?] = []
        values.reserveCapacity(256)
        let root: Any = view
        var node = 0
        while true {
            switch nodes[node] {
            case .open:
                return .unknown
            case let .stamp(index):
                return .stamp(stamps[index], values: values)
            case .engine:
                return .engine
            case let .test(parent, step, edges):
                let value = step.apply(to: parent < 0 ? root : values[parent])
                guard let outcome = ViewOutcome(of: value), let next = edges[outcome] else { return .unknown }
                values.append(value)
                node = next
            }
        }
    }

    /// Adds a recorded shape: its guards in order, ending in `stamp`, or in the engine when `stamp` is nil. False
    /// when the guards disagree with the tree (which a deterministic engine never causes).
    @discardableResult
    mutating func insert(_ guards: some Sequence<StampRecorder.Guard>, stamp: TemplateStamp?) -> Bool {
        var node = 0
        for next in guards {
            switch nodes[node] {
            case .open:
                nodes.append(.open)
                nodes[node] = .test(parent: next.parent, step: next.step, edges: [next.outcome: nodes.count - 1])
                node = nodes.count - 1
            case .test(let parent, let step, var edges):
                guard parent == next.parent, step == next.step else { return false }
                if let child = edges[next.outcome] {
                    node = child
                } else {
                    nodes.append(.open)
                    edges[next.outcome] = nodes.count - 1
                    nodes[node] = .test(parent: parent, step: step, edges: edges)
                    node = nodes.count - 1
                }
            case .stamp, .engine:
                return false
            }
        }
        switch nodes[node] {
        case .open:
            if let stamp {
                stamps.append(stamp)
                nodes[node] = .stamp(stamps.count - 1)
            } else {
                engineShapes += 1
                nodes[node] = .engine
            }
            return true
        case .stamp, .engine:
            return true  // recorded meanwhile by another worker
        case .test:
            return false
        }
    }
}
