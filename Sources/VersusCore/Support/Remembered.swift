import Synchronization

/// One value a long-running process (`versus serve`) keeps from one build to the next: the made files, the model
/// records, the last plan's pair pages. Empty until a build keeps something.
public final class Remembered<Value: Sendable>: Sendable {
    private let state = Mutex<Value?>(nil)

    public init() {}

    var value: Value? { state.withLock { $0 } }

    func keep(_ value: Value?) { state.withLock { $0 = value } }
}
