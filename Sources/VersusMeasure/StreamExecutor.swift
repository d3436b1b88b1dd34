import Dispatch

/// Runs the tasks that read and time streams on a dispatch queue of their own instead of Swift's shared pool of
/// threads. A chunk's arrival is stamped when its task resumes; on a busy pool (two cores, other work in the same
/// process) that resumption can lag by seconds and every figure with it. A queue of its own gets a thread at once.
public final class StreamExecutor: TaskExecutor {
    private let queue: DispatchQueue

    public init(label: String = "versus.measure.streams") {
        queue = DispatchQueue(label: label, qos: .userInteractive)
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
