import Foundation
import Synchronization

enum Parallel {
    /// `transform` of each item, in order, spread over all cores in one contiguous chunk per core.
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @escaping @Sendable (T) -> R) async -> [R] {
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunk = max(1, (items.count + workers - 1) / workers)
        return await withTaskGroup(of: (Int, [R]).self) { group in
            for start in stride(from: 0, to: items.count, by: chunk) {
                let slice = items[start..<min(start + chunk, items.count)]
                group.addTask { (start, slice.map(transform)) }
            }
            var parts: [(Int, [R])] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }
}

extension Parallel {
    /// `transform` of each item, in order, on all cores, without leaving the calling thread's context: for small
    /// pieces of work such as hashing files.
    static func mapSync<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let results = Mutex<[R?]>(Array(repeating: nil, count: items.count))
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            let value = transform(items[index])
            results.withLock { $0[index] = value }
        }
        return results.withLock { $0.map { $0! } }
    }
}

extension Parallel {
    /// `transform` of each item, in order, on all cores in a few contiguous chunks per core: for many tiny pieces of
    /// work (a system call each), where one task per item would cost more than the work.
    static func mapChunked<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let chunks = max(1, min(items.count / 256, ProcessInfo.processInfo.activeProcessorCount * 4))
        let size = (items.count + chunks - 1) / max(1, chunks)
        let starts = Array(stride(from: 0, to: items.count, by: max(1, size)))
        return mapSync(starts) { start in items[start..<min(start + size, items.count)].map(transform) }.flatMap { $0 }
    }
}
