/// The stamps of one template, found by replaying the engine's lookups on a view.
///
/// swift-mustache decides what to render next only from what its lookups returned so far, so the guards recorded
/// for each shape of view form a tree: from the root, each node names the next lookup and leads on by its outcome,
/// and a path that ends names the stamp for that shape, or says the engine must render it itself.
struct StampTrie: Sendable {
    /// A node is plain values and a step (whose key is usually a short string, stored inline): following the tree
    /// retains nothing that other rendering threads share.
    struct Node: Sendable {
        enum Kind: UInt8, Sendable {
            /// Nothing recorded past this point yet.
            case open
            /// Look up `step` in the value of guard `parent` (-1: the view), and go on by what it holds.
            case test
            /// Stamp number `stamp`.
            case stamp
            /// Views of this shape are rendered by the engine (a stamp could not stand for them).
            case engine
        }

        var kind: Kind
        var parent: Int
        var step: ViewPathStep
        var stamp: Int
        /// The first of this node's edges (-1: none); each edge names the next.
        var firstEdge: Int

        static let open = Node(kind: .open, parent: -1, step: .size, stamp: -1, firstEdge: -1)
    }

    /// Where a test leads for one outcome.
    struct Edge: Sendable {
        var outcome: ViewOutcome
        var node: Int
        var sibling: Int
    }

    enum Match {
        /// `values`: by guard, the value each guard found.
        case stamp(TemplateStamp, values: [ViewValue?])
        case engine
        case unknown
    }

    private(set) var nodes: [Node] = [.open]
    private(set) var edges: [Edge] = []
    private(set) var stamps: [TemplateStamp] = []
    private(set) var engineShapes = 0

    init() {}

    /// A tree read back from a file (`StampFile`); nil unless every index is in range, the edges form a tree from
    /// the root, each test looks up a guard on its own path, and each stamp's text holes are guards on its path:
    /// what `match` relies on to never read out of bounds.
    init?(nodes: [Node], edges: [Edge], stamps: [TemplateStamp], engineShapes: Int) {
        guard !nodes.isEmpty, engineShapes >= 0 else { return nil }
        var depth = Array(repeating: -1, count: nodes.count)
        depth[0] = 0
        var pending = [0]
        while let node = pending.popLast() {
            let here = nodes[node]
            guard here.firstEdge >= -1, here.firstEdge < edges.count else { return nil }
            switch here.kind {
            case .open, .engine:
                guard here.firstEdge == -1 else { return nil }
            case .stamp:
                guard here.firstEdge == -1, here.stamp >= 0, here.stamp < stamps.count else { return nil }
                for piece in stamps[here.stamp].pieces {
                    if case let .text(guardIndex, _) = piece, guardIndex >= depth[node] { return nil }
                }
            case .test:
                guard here.parent >= -1, here.parent < depth[node] else { return nil }
                if case let .index(index) = here.step, index < 0 { return nil }
                var edge = here.firstEdge, steps = 0
                while edge >= 0 {
                    steps += 1
                    let next = edges[edge]
                    guard steps <= edges.count, next.node > 0, next.node < nodes.count, depth[next.node] == -1,
                        next.sibling >= -1, next.sibling < edges.count
                    else { return nil }
                    depth[next.node] = depth[node] + 1
                    pending.append(next.node)
                    edge = next.sibling
                }
            }
        }
        self.nodes = nodes
        self.edges = edges
        self.stamps = stamps
        self.engineShapes = engineShapes
    }

    func match(_ view: ViewFields) -> Match {
        var values: [ViewValue?] = []
        values.reserveCapacity(256)
        let root = ViewValue.object(view)
        return nodes.withUnsafeBufferPointer { nodes in
            edges.withUnsafeBufferPointer { edges in
                var node = 0
                while true {
                    switch nodes[node].kind {
                    case .open:
                        return .unknown
                    case .stamp:
                        return .stamp(stamps[nodes[node].stamp], values: values)
                    case .engine:
                        return .engine
                    case .test:
                        let parent = nodes[node].parent
                        let value = nodes[node].step.apply(to: parent < 0 ? root : values[parent])
                        let outcome = ViewOutcome(of: value)
                        var edge = nodes[node].firstEdge
                        while edge >= 0, edges[edge].outcome != outcome { edge = edges[edge].sibling }
                        guard edge >= 0 else { return .unknown }
                        values.append(value)
                        node = edges[edge].node
                    }
                }
            }
        }
    }

    /// Adds an edge from `node` for `outcome` to a new open node, and returns the new node.
    private mutating func grow(_ node: Int, _ outcome: ViewOutcome) -> Int {
        nodes.append(.open)
        edges.append(Edge(outcome: outcome, node: nodes.count - 1, sibling: nodes[node].firstEdge))
        nodes[node].firstEdge = edges.count - 1
        return nodes.count - 1
    }

    /// Adds a recorded shape: its guards in order, ending in `stamp`, or in the engine when `stamp` is nil. False
    /// when the guards disagree with the tree (which a deterministic engine never causes).
    @discardableResult
    mutating func insert(_ guards: some Sequence<StampRecorder.Guard>, stamp: TemplateStamp?) -> Bool {
        var node = 0
        for next in guards {
            switch nodes[node].kind {
            case .open:
                nodes[node].kind = .test
                nodes[node].parent = next.parent
                nodes[node].step = next.step
                node = grow(node, next.outcome)
            case .test:
                guard nodes[node].parent == next.parent, nodes[node].step == next.step else { return false }
                var edge = nodes[node].firstEdge
                while edge >= 0, edges[edge].outcome != next.outcome { edge = edges[edge].sibling }
                node = edge >= 0 ? edges[edge].node : grow(node, next.outcome)
            case .stamp, .engine:
                return false
            }
        }
        switch nodes[node].kind {
        case .open:
            if let stamp {
                stamps.append(stamp)
                nodes[node].kind = .stamp
                nodes[node].stamp = stamps.count - 1
            } else {
                engineShapes += 1
                nodes[node].kind = .engine
            }
            return true
        case .stamp, .engine:
            return true  // recorded meanwhile by another worker
        case .test:
            return false
        }
    }
}
