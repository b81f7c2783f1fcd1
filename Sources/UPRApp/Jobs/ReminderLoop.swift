import UPRDomain
import Vapor

/// The reminder and digest passes of `upr serve`: at start and every `reminderPollSeconds`. Every instance on the
/// database runs its own loop; the `reminders_sent` claims make each reminder and digest go out once.
public final class ReminderLoop: LifecycleHandler, Sendable {
    private let interval: Duration
    private let loop = RepeatingTask()

    public init(pollSeconds: Int) {
        interval = .seconds(max(1, pollSeconds))
    }

    public func didBootAsync(_ application: Application) async throws {
        let interval = interval
        let logger = application.logger
        let database = application.db
        let settings = application.settings
        let mail = application.mailDeliveryLoop
        loop.start(every: interval) {
            do {
                let today = ReminderPass.today()
                let report = try await ReminderPass.run(on: database, today: today, settings: settings)
                let digests = try await DigestPass.run(on: database, today: today, settings: settings)
                if report.notices + digests > 0 {
                    logger.info("Reminders: \(report.notices) notices, \(report.mails) mails, \(digests) digests")
                }
                if report.mails + digests > 0 { mail?.wake() }
            } catch {
                logger.error("Reminder pass stopped for now: \(String(reflecting: error))")
            }
        }
    }

    public func shutdownAsync(_ application: Application) async {
        await loop.stop()
    }
}

extension Application {
    /// Starts the reminder loop with the server (after the mail loop, so it can wake it).
    public func startReminders() {
        lifecycle.use(ReminderLoop(pollSeconds: settings.reminderPollSeconds))
    }
}
