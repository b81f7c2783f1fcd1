import UPRApp
import UPRStore
import Vapor

/// Sends a mail the command just queued, so that `upr user reset` mails at once even when no server runs.
enum MailNow {
    /// A line for standard error saying what became of the mail; nil when none was queued.
    static func deliver(_ mailID: Int?, _ app: Application) async throws -> String? {
        guard let mailID, let smtp = app.settings.smtp else { return nil }
        let sql = try app.sql()
        _ = try await MailDelivery(smtp: smtp, logger: app.logger).deliverDue(on: sql)
        guard let mail = try await MailOutbox(sql).mail(id: mailID) else { return nil }
        if mail.sentAt != nil { return "Mailed the link to \(mail.recipientAddress)." }
        if mail.failedAt != nil {
            return "Could not mail the link to \(mail.recipientAddress): \(mail.lastError ?? "unknown error")"
        }
        if mail.claimedBy != nil { return "A running server is mailing the link to \(mail.recipientAddress)." }
        return "The link is queued for \(mail.recipientAddress) and will be retried "
            + "(\(mail.lastError ?? "the mail server was busy"))."
    }
}
