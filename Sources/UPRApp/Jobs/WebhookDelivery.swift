import Foundation
import SQLKit
import UPRMail
import UPRSecurity
import UPRStore
import UPRWeb
import Vapor

/// Sends the webhook outbox's due deliveries: claims a batch, posts each signed body to its hook, records each
/// answer, and goes on until nothing is due. A 2xx answer delivers; any other answer, a timeout or a refused
/// connection is tried again on the mail's schedule (`RetryPolicy`) and given up after its last attempt.
public struct WebhookDelivery: Sendable {
    /// What one run did.
    public struct Report: Sendable, Equatable {
        public var delivered = 0
        public var retrying = 0
        public var failed = 0

        public init(delivered: Int = 0, retrying: Int = 0, failed: Int = 0) {
            self.delivered = delivered
            self.retrying = retrying
            self.failed = failed
        }
    }

    /// Names this process in `claimed_by`.
    public let worker: String
    public var batchSize = 10
    /// How long a claim holds: longer than a batch can take (each post may take `timeout`).
    public var lease: TimeInterval = 10 * 60
    /// How long a receiver may take to answer, in seconds.
    public var timeoutSeconds: Int
    public var policy = RetryPolicy()
    let client: any Client
    let site: SiteSettings
    let logger: Logger

    public init(
        client: any Client, site: SiteSettings, timeoutSeconds: Int, worker: String = MailDelivery.workerName(),
        logger: Logger
    ) {
        self.client = client
        self.site = site
        self.timeoutSeconds = max(1, timeoutSeconds)
        self.worker = worker
        self.logger = logger
    }

    /// Sends every delivery due at `now`. A receiver's trouble is recorded on the deliveries, not thrown; database
    /// errors are thrown.
    public func deliverDue(on sql: any SQLDatabase, now: Date = Date()) async throws -> Report {
        let outbox = WebhookOutbox(sql)
        var report = Report()
        while true {
            let batch = try await outbox.claim(worker: worker, limit: batchSize, lease: lease, now: now)
            if batch.isEmpty { return report }
            for claimed in batch {
                let delivery = claimed.delivery
                let (status, error) = await post(claimed)
                guard let error else {
                    try await outbox.markDelivered(delivery.id, worker: worker, status: status ?? 200, now: now)
                    logger.info("Webhook delivery \(delivery.id) (\(delivery.kind.rawValue)) to \(delivery.url)")
                    report.delivered += 1
                    continue
                }
                let retryAt = policy.nextAttempt(after: delivery.attempts, now: now)
                try await outbox.markFailed(
                    delivery.id, worker: worker, status: status, error: error, retryAt: retryAt, now: now)
                if retryAt == nil {
                    logger.error("Webhook delivery \(delivery.id) to \(delivery.url) given up: \(error)")
                    report.failed += 1
                } else {
                    logger.warning("Webhook delivery \(delivery.id) to \(delivery.url) will be retried: \(error)")
                    report.retrying += 1
                }
            }
        }
    }

    /// The headers of an attempt at `timestamp` (seconds since 1970), signed over the body.
    public static func headers(
        for delivery: OutboxWebhook, body: String, secret: String, timestamp: Int
    ) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.add(name: .userAgent, value: "UPR-Tracker-Webhooks/1")
        headers.add(name: "UPR-Event", value: delivery.kind.rawValue)
        headers.add(name: "UPR-Delivery", value: String(delivery.id))
        headers.add(name: "UPR-Timestamp", value: String(timestamp))
        headers.add(
            name: "UPR-Signature", value: WebhookSignature.header(secret: secret, timestamp: timestamp, body: body))
        return headers
    }

    /// One attempt: the receiver's status, and what went wrong (nil when it accepted the delivery).
    private func post(_ claimed: WebhookOutbox.Claimed) async -> (status: Int?, error: String?) {
        let delivery = claimed.delivery
        do {
            let body = try WebhookPayload(delivery, site: site).json()
            // Signed at the attempt, not at the event: a receiver that refuses old timestamps still takes a retry.
            let headers = Self.headers(
                for: delivery, body: body, secret: claimed.secret, timestamp: Int(Date().timeIntervalSince1970))
            let seconds = Int64(timeoutSeconds)
            let response = try await client.post(URI(string: delivery.url), headers: headers) { request in
                request.body = ByteBuffer(string: body)
                request.timeout = .seconds(seconds)
            }
            let status = Int(response.status.code)
            guard (200..<300).contains(status) else {
                return (status, "HTTP \(status) \(response.status.reasonPhrase)")
            }
            return (status, nil)
        } catch {
            return (nil, String(describing: error))
        }
    }
}
