import Foundation
import SQLKit
import UPRMail
import UPRStore
import Vapor

/// Hands the outbox's due mail to the mail server: claims a batch, sends it on one connection, records each
/// result, and goes on until nothing is due. `upr serve` runs it in a loop; `upr mail send` runs it once.
public struct MailDelivery: Sendable {
    /// What one run did.
    public struct Report: Sendable, Equatable {
        public var sent: Int
        public var retrying: Int
        public var failed: Int
        public var expired: Int

        public init(sent: Int = 0, retrying: Int = 0, failed: Int = 0, expired: Int = 0) {
            self.sent = sent
            self.retrying = retrying
            self.failed = failed
            self.expired = expired
        }
    }

    public let smtp: SMTPSettings
    /// Names this process in `claimed_by`.
    public let worker: String
    public var batchSize = 10
    /// How long a claim holds: longer than a batch can take (each reply may take `replyTimeoutSeconds`).
    public var lease: TimeInterval = 30 * 60
    public var policy = RetryPolicy()
    let logger: Logger

    public init(smtp: SMTPSettings, worker: String = MailDelivery.workerName(), logger: Logger) {
        self.smtp = smtp
        self.worker = worker
        self.logger = logger
    }

    /// `host-pid-random`: unique per process, readable in the table.
    public static func workerName() -> String {
        "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-"
            + UUID().uuidString.prefix(8).lowercased()
    }

    /// Sends every mail due at `now`. Mail server trouble is recorded on the mails, not thrown; database errors are
    /// thrown.
    public func deliverDue(on sql: any SQLDatabase, now: Date = Date()) async throws -> Report {
        let outbox = MailOutbox(sql)
        var report = Report()
        report.expired = try await outbox.expireOverdue(now: now)
        while true {
            let batch = try await outbox.claim(worker: worker, limit: batchSize, lease: lease, now: now)
            if batch.isEmpty { return report }
            try await send(batch, outbox: outbox, now: now, report: &report)
        }
    }

    /// Sends a batch on one connection, recording each mail as soon as the server has answered for it, so that
    /// a crash between handing a mail over and recording it can repeat at most that one mail.
    private func send(_ batch: [OutboxMail], outbox: MailOutbox, now: Date, report: inout Report) async throws {
        var done: Set<Int> = []
        var tally = report
        func record(_ mail: OutboxMail, _ error: SMTPError?) async throws {
            done.insert(mail.id)
            guard let error else {
                try await outbox.markSent(mail.id, worker: worker, now: now)
                logger.info("Mail \(mail.id) (\(mail.kind)) sent to \(mail.recipientAddress)")
                tally.sent += 1
                return
            }
            let retryAt = policy.nextAttempt(after: mail.attempts, error: error, now: now)
            try await outbox.markFailed(mail.id, worker: worker, error: error.description, retryAt: retryAt, now: now)
            if retryAt == nil {
                logger.error("Mail \(mail.id) (\(mail.kind)) to \(mail.recipientAddress) given up: \(error)")
                tally.failed += 1
            } else {
                logger.warning("Mail \(mail.id) (\(mail.kind)) to \(mail.recipientAddress) will be retried: \(error)")
                tally.retrying += 1
            }
        }
        do {
            try await SMTPClient(settings: smtp).withSession { session in
                for mail in batch {
                    do {
                        try await session.send(message(mail))
                    } catch let error as SMTPError where error.isPermanent || isPerMessage(error) {
                        try await record(mail, error)
                        continue
                    }
                    try await record(mail, nil)
                }
            }
        } catch let failure as SMTPError {
            // The connection, TLS or sign-in failed: every mail not yet handed over waits for the next attempt.
            logger.warning("Mail server \(smtp.host):\(smtp.port): \(failure)")
            for mail in batch where !done.contains(mail.id) { try await record(mail, failure) }
        }
        report = tally
    }

    /// A refusal that concerns this mail only (the session stays usable), as opposed to the connection failing.
    private func isPerMessage(_ error: SMTPError) -> Bool {
        if case .rejected(let step, _, _) = error { return ["MAIL FROM", "RCPT TO", "DATA", "message"].contains(step) }
        return false
    }

    func message(_ mail: OutboxMail) -> MailMessage {
        MailMessage(
            from: smtp.from, to: MailAddress(address: mail.recipientAddress, name: mail.recipientName),
            subject: mail.subject, body: mail.body, date: Timestamp.date(mail.createdAt) ?? Date(),
            messageID: mail.messageID)
    }
}
