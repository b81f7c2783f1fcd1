import Foundation
import UPRStore
import UPRWeb
import Vapor

/// The webhook sender of `upr serve`: sends due deliveries at start and every `webhookPollSeconds`. Other
/// instances on the same database run their own loop; the outbox's claims keep them from sending a delivery twice.
public final class WebhookDeliveryLoop: LifecycleHandler, Sendable {
    private let pollSeconds: Int
    private let timeoutSeconds: Int
    private let loop = RepeatingTask()

    public init(pollSeconds: Int, timeoutSeconds: Int) {
        self.pollSeconds = pollSeconds
        self.timeoutSeconds = timeoutSeconds
    }

    public func didBootAsync(_ application: Application) async throws {
        let delivery = WebhookDelivery(
            client: application.client, site: application.site, timeoutSeconds: timeoutSeconds,
            logger: application.logger)
        let logger = application.logger
        let sql = try application.sql()
        loop.start(every: .seconds(max(1, pollSeconds))) {
            do {
                _ = try await delivery.deliverDue(on: sql)
            } catch {
                logger.error("Webhook delivery stopped for now: \(String(reflecting: error))")
            }
        }
    }

    public func shutdownAsync(_ application: Application) async {
        await loop.stop()
    }
}

extension Application {
    /// Starts the webhook sender with the server.
    public func startWebhookDelivery() {
        lifecycle.use(
            WebhookDeliveryLoop(
                pollSeconds: settings.webhookPollSeconds, timeoutSeconds: settings.webhookTimeoutSeconds))
    }
}
