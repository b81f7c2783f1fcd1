import Foundation
import SQLKit
import UPRLocalization
import UPRMail
import UPRSecurity
import UPRStore

/// Password-reset links: a random token, stored hashed, valid once for an hour; mailed to the person when SMTP is
/// configured.
public enum PasswordReset {
    /// Why the link is made: a forgotten password, or a new account whose person chooses the first one.
    public enum Purpose: String, Sendable {
        case reset = "password-reset"
        case welcome
    }

    /// The link, and the outbox row of its mail when one was queued.
    public struct Issued: Sendable {
        public var link: String
        public var mailID: Int?
    }

    /// Makes a link for the account and queues its mail in the caller's transaction (so the mail exists exactly if
    /// the link does). Call `Application.wakeMailSender()` after the commit to send it at once. The token then sits in
    /// the outbox until the mail is sent or the link expires, whichever is first; the outbox empties the text then.
    public static func issue(
        userID: Int, purpose: Purpose = .reset, settings: SiteSettings, on sql: any SQLDatabase
    ) async throws -> Issued {
        let token = SecureToken.generate()
        let store = AccountStore(sql)
        try await store.createReset(
            tokenHash: SecureToken.hash(token), userID: userID, lifetime: ResetLink.lifetime)
        let link = ResetLink.make(baseURL: settings.publicURL, token: token)
        guard let smtp = settings.smtp, let user = try await store.user(id: userID) else {
            return Issued(link: link, mailID: nil)
        }
        let text = AccountMail.resetLink(
            purpose: purpose, name: user.name, email: user.email, link: link,
            language: user.language.flatMap(Language.init(tag:)))
        let id = try await MailOutbox(sql).enqueue(
            kind: purpose.rawValue, recipientAddress: user.email, recipientName: user.name, subject: text.subject,
            body: text.body, messageID: MailMessage.makeMessageID(domain: smtp.from.domain), sensitive: true,
            expiresAt: ResetLink.expiry(issuedAt: Date()))
        return Issued(link: link, mailID: id)
    }
}
