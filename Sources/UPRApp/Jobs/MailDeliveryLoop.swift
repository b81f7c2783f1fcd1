import NIOConcurrencyHelpers
import UPRMail
import UPRStore
import UPRWeb
import Vapor

/// The mail sender of `upr serve`: delivers due mail at start, every `mailPollSeconds`, and at once when this
/// instance queues a mail. Other instances on the same database run their own loop; the outbox's claims keep them
/// from sending the same mail twice.
public final class MailDeliveryLoop: LifecycleHandler, Sendable {
    private let delivery: MailDelivery
    private let interval: Duration
    private let wakeups: AsyncStream<Void>
    private let wakeup: AsyncStream<Void>.Continuation
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    public init(smtp: SMTPSettings, pollSeconds: Int, logger: Logger) {
        delivery = MailDelivery(smtp: smtp, logger: logger)
        interval = .seconds(max(1, pollSeconds))
        // One pending wake-up is enough: a run sends everything that is due.
        (wakeups, wakeup) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Asks for a run now (after a mail was queued and committed).
    public func wake() { wakeup.yield() }

    public func didBootAsync(_ application: Application) async throws {
        let delivery = delivery
        let interval = interval
        let wakeups = wakeups
        let wakeup = wakeup
        let logger = application.logger
        let sql = try application.sql()
        logger.notice("Sending mail through \(delivery.smtp)")
        wakeup.yield()
        task.withLockedValue {
            $0 = Task {
                await withTaskGroup(of: Void.self) { group in
                    group.addTask {
                        while !Task.isCancelled {
                            try? await Task.sleep(for: interval)
                            wakeup.yield()
                        }
                    }
                    group.addTask {
                        for await _ in wakeups {
                            do {
                                _ = try await delivery.deliverDue(on: sql)
                            } catch {
                                logger.error("Mail delivery stopped for now: \(String(reflecting: error))")
                            }
                        }
                    }
                    await group.waitForAll()
                }
            }
        }
    }

    public func shutdownAsync(_ application: Application) async {
        wakeup.finish()
        let running = task.withLockedValue { $0 }
        running?.cancel()
        await running?.value
    }
}

extension Application {
    private struct MailDeliveryLoopKey: StorageKey {
        typealias Value = MailDeliveryLoop
    }

    /// The running mail loop, if this process runs one (`upr serve` with SMTP configured).
    public var mailDeliveryLoop: MailDeliveryLoop? {
        get { storage[MailDeliveryLoopKey.self] }
        set { storage[MailDeliveryLoopKey.self] = newValue }
    }

    /// Starts the mail loop with the server, when mail is configured.
    public func startMailDelivery() {
        guard let smtp = settings.smtp else { return }
        let loop = MailDeliveryLoop(smtp: smtp, pollSeconds: settings.mailPollSeconds, logger: logger)
        mailDeliveryLoop = loop
        // The web layer queues mail (reset links) and wakes the sender through this, without knowing the loop.
        wakeMailSender = { loop.wake() }
        lifecycle.use(loop)
    }
}
