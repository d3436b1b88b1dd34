/// Tells every open page that the site was rebuilt: each page's script holds an event stream open, and a rebuild
/// sends one message down each.
public actor ReloadHub {
    private var listeners: [Int: AsyncStream<Int>.Continuation] = [:]
    private var nextID = 0
    private var closed = false
    public private(set) var builds = 0
    /// What the last build reported wrong, one line each; empty when it built.
    public private(set) var problems: [String] = []

    public init(problems: [String] = []) {
        self.problems = problems
    }

    /// A stream of build numbers, from the next rebuild on; it ends when the listener goes away.
    public func listen() -> AsyncStream<Int> {
        let id = nextID
        nextID += 1
        let (stream, continuation) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
        if closed {
            continuation.finish()
            return stream
        }
        listeners[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.forget(id) }
        }
        return stream
    }

    public var listenerCount: Int { listeners.count }

    /// How many listeners ever joined (open pages' event streams), gone ones included.
    public var joined: Int { nextID }

    /// Announces a finished rebuild to every listener, with what it reported wrong (empty when it built): open pages
    /// reload either way, to show the new site or the errors.
    public func rebuilt(problems: [String] = []) {
        self.problems = problems
        builds += 1
        for continuation in listeners.values { continuation.yield(builds) }
    }

    /// Ends every stream, and every later one at once: the server is stopping, and a response that never ends would
    /// hold its shutdown up.
    public func close() {
        closed = true
        for continuation in listeners.values { continuation.finish() }
        listeners = [:]
    }

    private func forget(_ id: Int) {
        listeners[id] = nil
    }
}
