import Dispatch

/// Runs independent jobs on all cores and returns their results in job order, so the output never depends on
/// scheduling.
enum Parallel {
    /// `body(i)` for every `i` in `0..<count`, computed concurrently, returned in index order.
    static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        if count == 1 { return [body(0)] }
        let slots = ResultSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots.set(index, body(index))
        }
        return slots.collect()
    }
}

/// Write-once result slots shared by the jobs of `Parallel.map`; each job writes only its own slot.
private final class ResultSlots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    func set(_ index: Int, _ value: T) { buffer[index] = value }

    func collect() -> [T] { buffer.map { $0! } }
}
