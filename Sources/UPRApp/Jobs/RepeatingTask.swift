import NIOConcurrencyHelpers

/// The loop of a job of `upr serve`: its pass at start and then every `interval`, until the server stops.
final class RepeatingTask: Sendable {
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    func start(every interval: Duration, _ pass: @escaping @Sendable () async -> Void) {
        task.withLockedValue {
            $0 = Task {
                while !Task.isCancelled {
                    await pass()
                    try? await Task.sleep(for: interval)
                }
            }
        }
    }

    /// Cancels the loop and waits for the pass under way.
    func stop() async {
        let running = task.withLockedValue { $0 }
        running?.cancel()
        await running?.value
    }
}
