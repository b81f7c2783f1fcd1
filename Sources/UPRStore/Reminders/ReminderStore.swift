import Foundation
import SQLKit
import UPRDomain

/// What the reminder and digest passes read, and the claim that makes each reminder go out once.
public struct ReminderStore: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// Records that `kind` reminder of `subjectID` for `dueDate` at `stage` goes to `recipient`; false when some
    /// instance already did. Call it in the transaction that writes the notice and the mail, and write them only on
    /// true: `INSERT … ON CONFLICT DO NOTHING RETURNING` on the UNIQUE key returns a row to exactly one transaction
    /// (on PostgreSQL a concurrent insert of the same key waits for the first to commit, then inserts nothing; if the
    /// first rolls back, the second gets the row, so a reminder is never lost either). A claim needs no lease or
    /// cleanup, unlike `FOR UPDATE SKIP LOCKED` on pre-made rows, because the row only exists once it is sent.
    public func claim(
        kind: String, subjectID: Int, dueDate: String, stage: String, recipient: Int, lastNotificationID: Int? = nil,
        now: Date = Date()
    ) async throws -> Bool {
        try await sql.raw(
            """
            INSERT INTO reminders_sent (kind, subject_id, due_date, stage, recipient_user_id, last_notification_id,
                created_at)
            VALUES (\(bind: kind), \(bind: subjectID), \(bind: dueDate), \(bind: stage), \(bind: recipient),
                \(bind: lastNotificationID), \(bind: Timestamp.string(now)))
            ON CONFLICT (kind, subject_id, due_date, stage, recipient_user_id) DO NOTHING RETURNING id
            """
        ).first() != nil
    }

    /// The keys of the reminders sent so far (`kind|subject|due date|stage|recipient`), so a pass opens a write
    /// transaction only for what may be new; the claim still decides.
    public func sentKeys() async throws -> Set<String> {
        Set(
            try await sql.raw(
                "SELECT kind, subject_id, due_date, stage, recipient_user_id FROM reminders_sent WHERE kind <> 'digest'"
            ).all().map { row in
                Self.key(
                    kind: try row.decode(column: "kind", as: String.self),
                    subjectID: try row.decode(column: "subject_id", as: Int.self),
                    dueDate: try row.decode(column: "due_date", as: String.self),
                    stage: try row.decode(column: "stage", as: String.self),
                    recipient: try row.decode(column: "recipient_user_id", as: Int.self))
            })
    }

    public static func key(kind: String, subjectID: Int, dueDate: String, stage: String, recipient: Int) -> String {
        "\(kind)|\(subjectID)|\(dueDate)|\(stage)|\(recipient)"
    }

    /// Open action items and commitments due on or before `until` (later ones need no reminder yet).
    public func openItems(dueUntil until: CalendarDay) async throws -> [ActionItem] {
        try await ActionItemStore(sql).items(
            """
            a.status NOT IN ('done', 'cancelled') AND a.due_date IS NOT NULL AND a.due_date <= \(bind: until.description)
            """)
    }

    /// An indicator as the measurement reminder needs it.
    public struct IndicatorDue: Sendable, Equatable {
        public var id: Int
        public var title: String
        public var frequency: String
        public var baseline: CalendarDay?
        public var lastAccepted: CalendarDay?
        public var responsibleOrganisationID: Int?
    }

    /// Indicators with a collection frequency and a responsible organisation, with their latest accepted
    /// measurement's day.
    public func indicators() async throws -> [IndicatorDue] {
        try await sql.raw(
            """
            SELECT i.id, i.title, i.frequency, i.baseline_date, i.responsible_organisation_id,
                   (SELECT MAX(m.measured_on) FROM measurements m WHERE m.indicator_id = i.id AND m.status = 'accepted')
                   AS last_accepted
            FROM indicators i WHERE i.frequency <> '' AND i.responsible_organisation_id IS NOT NULL ORDER BY i.id
            """
        ).all().map { row in
            IndicatorDue(
                id: try row.decode(column: "id", as: Int.self), title: try row.decode(column: "title", as: String.self),
                frequency: try row.decode(column: "frequency", as: String.self),
                baseline: try row.decode(column: "baseline_date", as: String?.self).flatMap(CalendarDay.init),
                lastAccepted: try row.decode(column: "last_accepted", as: String?.self).flatMap(CalendarDay.init),
                responsibleOrganisationID: try row.decode(column: "responsible_organisation_id", as: Int?.self))
        }
    }

    /// The latest dated review of each state the tracker follows up (a state with plan entries): the mid-term
    /// report is counted from it.
    public func followedReviews() async throws -> [(reviewID: Int, state: String, reviewDate: CalendarDay)] {
        let rows = try await sql.raw(
            """
            SELECT rv.id, rv.review_date, st.name FROM reviews rv JOIN states st ON st.id = rv.state_id
            WHERE rv.review_date IS NOT NULL AND rv.state_id IN (
                SELECT r.state_id FROM plan_entries p JOIN recommendations r ON r.id = p.recommendation_id)
            ORDER BY st.name, rv.review_date DESC
            """
        ).all()
        var seen: Set<String> = []
        var out: [(Int, String, CalendarDay)] = []
        for row in rows {
            let state = try row.decode(column: "name", as: String.self)
            guard !seen.contains(state),
                let day = CalendarDay(String(try row.decode(column: "review_date", as: String.self).prefix(10)))
            else { continue }
            seen.insert(state)
            out.append((try row.decode(column: "id", as: Int.self), state, day))
        }
        return out
    }

    /// The secretariat: active administrators.
    public func administrators() async throws -> [Int] {
        try await sql.raw("SELECT id FROM users WHERE role = 'administrator' AND active = 1 ORDER BY id").all()
            .map { try $0.decode(column: "id", as: Int.self) }
    }

    /// Who mail goes to.
    public struct Recipient: Sendable, Equatable {
        public var id: Int
        public var email: String
        public var name: String
        public var language: String?
        public var digest: DigestFrequency
    }

    public func recipients(ids: [Int]) async throws -> [Int: Recipient] {
        guard !ids.isEmpty else { return [:] }
        return Dictionary(
            uniqueKeysWithValues: try await people("active = 1 AND id IN (\(binds: ids))").map { ($0.id, $0) })
    }

    /// Active people who chose a digest.
    public func digestReaders() async throws -> [Recipient] {
        try await people("active = 1 AND digest <> 'none'")
    }

    private func people(_ condition: SQLQueryString) async throws -> [Recipient] {
        try await sql.raw("SELECT id, email, name, language, digest FROM users WHERE " + condition + " ORDER BY id")
            .all().map { row in
                Recipient(
                    id: try row.decode(column: "id", as: Int.self),
                    email: try row.decode(column: "email", as: String.self),
                    name: try row.decode(column: "name", as: String.self),
                    language: try row.decode(column: "language", as: String?.self),
                    digest: DigestFrequency(rawValue: try row.decode(column: "digest", as: String.self)) ?? .none)
            }
    }

    /// The notices a person's next digest lists: those after the newest one their last digest listed, oldest first.
    public func noticesSinceLastDigest(userID: Int, limit: Int = 500) async throws -> [InboxNotification] {
        let last =
            try await sql.raw(
                """
                SELECT MAX(last_notification_id) AS last FROM reminders_sent
                WHERE kind = 'digest' AND recipient_user_id = \(bind: userID)
                """
            ).first()?.decode(column: "last", as: Int?.self) ?? 0
        return try await NotificationStore(sql).notices(
            "recipient_user_id = \(bind: userID) AND id > \(bind: last) ORDER BY id LIMIT \(bind: limit)")
    }
}
