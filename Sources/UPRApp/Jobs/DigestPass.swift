import FluentKit
import Foundation
import SQLKit
import UPRDomain
import UPRLocalization
import UPRMail
import UPRStore
import UPRWeb

/// The mail digests: for each person who chose daily or weekly mail, one mail per period listing their notices
/// since their last digest, grouped by kind, with links, in their language. Claimed in `reminders_sent` (kind
/// `digest`, the person, the period's first day) in the transaction that queues the mail, so each person gets one
/// per period however many instances run the pass. Nothing is sent without a mail server or without news.
public enum DigestPass {
    /// How many digests this run queued.
    public static func run(on database: any Database, today: CalendarDay, settings: AppSettings) async throws -> Int {
        guard settings.smtp != nil else { return 0 }
        let store = ReminderStore(try database.sqlDatabase())
        var queued = 0
        for person in try await store.digestReaders() {
            guard let start = person.digest.periodStart(today) else { continue }
            let sent = try await database.writeTransaction { database in
                let sql = try database.sqlDatabase()
                let store = ReminderStore(sql)
                let notices = try await store.noticesSinceLastDigest(userID: person.id)
                guard let last = notices.last?.id,
                    try await store.claim(
                        kind: "digest", subjectID: person.id, dueDate: start.description, stage: person.digest.rawValue,
                        recipient: person.id, lastNotificationID: last)
                else { return false }
                let mail = compose(notices, for: person, settings: settings)
                try await MailOutbox(sql).enqueue(
                    kind: "digest", recipientAddress: person.email, recipientName: person.name, subject: mail.subject,
                    body: mail.body, messageID: MailMessage.makeMessageID(domain: settings.publicHost),
                    sensitive: false,
                    expiresAt: nil)
                return true
            }
            if sent { queued += 1 }
        }
        return queued
    }

    /// The digest's text: a greeting, then each kind of notice under its heading, each notice with its link.
    static func compose(_ notices: [InboxNotification], for person: ReminderStore.Recipient, settings: AppSettings)
        -> (subject: String, body: String)
    {
        let t = Translator(person.language.flatMap(Language.init(rawValue:)) ?? .fallback)
        var kinds: [String] = []
        var byKind: [String: [InboxNotification]] = [:]
        for notice in notices {
            if byKind[notice.kind] == nil { kinds.append(notice.kind) }
            byKind[notice.kind, default: []].append(notice)
        }
        var body =
            t.plural("mail.digest.body", count: notices.count, ["name": person.name]) + "\n"
        for kind in kinds {
            body += "\n" + t("notification.kind.\(kind)") + "\n"
            for notice in byKind[kind] ?? [] {
                body +=
                    "- " + t(notice.textKey, notice.arguments) + "\n  "
                    + settings.site.absolute(InboxView.href(notice)) + "\n"
            }
        }
        body += "\n" + t("mail.digest.settings") + " " + settings.site.absolute("/account/subscriptions")
        body += "\n\n" + t("mail.signature")
        return (t("mail.digest.subject.\(person.digest.rawValue)"), body)
    }
}
