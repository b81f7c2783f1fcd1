import FluentKit
import Foundation
import SQLKit
import UPRDomain
import UPRLocalization
import UPRMail
import UPRStore
import UPRWeb

/// The reminder pass: for one calendar day, every action item and commitment due soon, today or overdue (to its
/// owner), every indicator whose next measurement is expected soon or is late (to the responsible organisation's
/// people), and the mid-term report date 90 and 30 days ahead (to the secretariat). Each reminder is an inbox notice
/// and, when mail is configured, a mail; both written in one transaction with its `reminders_sent` claim, so that
/// however many instances run the pass, each person gets each reminder once.
public enum ReminderPass {
    public struct Report: Sendable, Equatable {
        public var notices = 0
        public var mails = 0
        public init() {}
    }

    /// The day reminders are counted in: Ulaanbaatar's, the secretariat's, so "due today" means their today.
    public static let timeZone = TimeZone(identifier: MeetingTime.defaultZone)!

    public static func today(_ now: Date = Date()) -> CalendarDay { CalendarDay.of(now, in: timeZone) }

    /// One reminder before it is claimed.
    struct Due {
        var kind: NotificationStore.Kind
        /// Also the reminder's kind in its once-only key.
        var subjectKind: EntityKind
        var subjectID: Int
        var dueDate: CalendarDay
        var stage: ReminderRules.Stage
        var textKey: String
        var arguments: [String: String]
        var href: String
        var recipients: [Int]
    }

    public static func run(on database: any Database, today: CalendarDay, settings: AppSettings) async throws -> Report
    {
        let sql = try database.sqlDatabase()
        let store = ReminderStore(sql)
        let notices = NotificationStore(sql)
        var due: [Due] = []
        for item in try await store.openItems(dueUntil: today.adding(days: ReminderRules.soonDays)) {
            guard let day = item.dueDate.flatMap(CalendarDay.init),
                let stage = ReminderRules.actionItem(status: item.status, due: day, today: today)
            else { continue }
            due.append(
                Due(
                    kind: .actionDue, subjectKind: .actionItem, subjectID: item.id,
                    dueDate: day, stage: stage, textKey: "notification.actionDue.\(stage.rawValue)",
                    arguments: [
                        "title": item.title, "due": day.description,
                        "context": item.meetingTitle ?? item.agreementTitle ?? "",
                    ], href: "/action-items#action-\(item.id)",
                    recipients: try await notices.recipients(
                        ownerUserID: item.ownerUserID, ownerOrganisationID: item.ownerOrganisationID)))
        }
        for indicator in try await store.indicators() {
            guard
                let expected = ReminderRules.nextMeasurement(
                    frequency: indicator.frequency, lastMeasured: indicator.lastAccepted, baseline: indicator.baseline),
                let stage = ReminderRules.measurement(expected: expected, today: today)
            else { continue }
            due.append(
                Due(
                    kind: .measurementDue, subjectKind: .indicator,
                    subjectID: indicator.id, dueDate: expected, stage: stage,
                    textKey: "notification.measurementDue.\(stage.rawValue)",
                    arguments: ["indicator": indicator.title, "due": expected.description],
                    href: SiteRoute.indicator(indicator.id).href,
                    recipients: try await notices.recipients(
                        ownerUserID: nil, ownerOrganisationID: indicator.responsibleOrganisationID)))
        }
        let secretariat = try await store.administrators()
        for review in try await store.followedReviews() {
            let date = ReviewCalendar.midTermReport(after: review.reviewDate)
            guard let stage = ReminderRules.midTerm(reportDate: date, today: today) else { continue }
            due.append(
                Due(
                    kind: .midTermDue, subjectKind: .midTerm, subjectID: review.reviewID,
                    dueDate: date, stage: stage, textKey: "notification.midTerm.\(stage.rawValue)",
                    arguments: ["state": review.state, "due": date.description],
                    href: SiteRoute.state(review.state).href, recipients: secretariat))
        }
        let people = try await store.recipients(ids: Array(Set(due.flatMap(\.recipients))))
        // Most reminders of a day were sent by an earlier run: skip those without a write transaction.
        let sent = try await store.sentKeys()
        var report = Report()
        for reminder in due {
            for recipient in Set(reminder.recipients).sorted() {
                let key = ReminderStore.key(
                    kind: reminder.subjectKind.rawValue, subjectID: reminder.subjectID,
                    dueDate: reminder.dueDate.description, stage: reminder.stage.rawValue, recipient: recipient)
                guard let person = people[recipient], !sent.contains(key) else { continue }
                let mailed = try await send(reminder, to: person, on: database, settings: settings)
                if let mailed {
                    report.notices += 1
                    if mailed { report.mails += 1 }
                }
            }
        }
        return report
    }

    /// Claims and writes one reminder for one person in its own transaction: nil when another run already sent it,
    /// else whether a mail was queued too.
    static func send(
        _ reminder: Due, to person: ReminderStore.Recipient, on database: any Database, settings: AppSettings
    )
        async throws -> Bool?
    {
        try await database.writeTransaction { database in
            let sql = try database.sqlDatabase()
            guard
                try await ReminderStore(sql).claim(
                    kind: reminder.subjectKind.rawValue, subjectID: reminder.subjectID,
                    dueDate: reminder.dueDate.description,
                    stage: reminder.stage.rawValue, recipient: person.id)
            else { return nil }
            try await NotificationStore(sql).notify(
                recipients: [person.id], kind: reminder.kind, subjectKind: reminder.subjectKind,
                subjectID: reminder.subjectID, textKey: reminder.textKey, arguments: reminder.arguments)
            guard settings.smtp != nil else { return false }
            let t = Translator(person.language.flatMap(Language.init(rawValue:)) ?? .fallback)
            let text = t(reminder.textKey, reminder.arguments)
            try await MailOutbox(sql).enqueue(
                kind: "reminder", recipientAddress: person.email, recipientName: person.name,
                subject: t("mail.reminder.subject", ["text": text]),
                body: t("mail.reminder.body", ["name": person.name, "text": text])
                    + "\n\n" + settings.site.absolute(reminder.href) + "\n\n" + t("mail.signature"),
                messageID: MailMessage.makeMessageID(domain: settings.publicHost), sensitive: false, expiresAt: nil)
            return true
        }
    }
}
