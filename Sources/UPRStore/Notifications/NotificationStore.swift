import Foundation
import SQLKit
import UPRDomain

/// The in-app inbox. Every source of notices (assignments now; subscriptions and reminders later) calls `notify`
/// inside the transaction of the event it reports, so a notice exists exactly when its event does.
public struct NotificationStore: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// What a notice is about; the inbox links each kind to its page.
    public enum Kind: String, Sendable, CaseIterable {
        case actionAssigned = "action-assigned"
        /// A followed recommendation's plan entry was drafted, edited, answered, published or taken back.
        case planChanged = "plan-changed"
        /// A followed recommendation's response changed.
        case responseChanged = "response-changed"
        /// An assessment of a followed recommendation was recorded.
        case assessmentRecorded = "assessment-recorded"
        /// A measurement of an indicator linked to a followed recommendation was accepted.
        case measurementAccepted = "measurement-accepted"
        /// An action item or commitment is due soon, today, or overdue.
        case actionDue = "action-due"
        /// An indicator's next measurement is expected soon, today, or is overdue.
        case measurementDue = "measurement-due"
        /// The mid-term report date is 90 or 30 days away.
        case midTermDue = "mid-term-due"
        /// Someone mentioned the person, or their organisation, in a comment.
        case mentioned
        /// Someone replied to the person's comment.
        case replied
        /// The responsible organisation answered the person's comment formally.
        case formalAnswer = "formal-answer"
        /// Someone wrote in the discussion of a followed recommendation or of its plan entry.
        case commentPosted = "comment-posted"
    }

    /// Writes one notice per recipient (each recipient once).
    public func notify(
        recipients: [Int], kind: Kind, subjectKind: EntityKind, subjectID: Int, textKey: String,
        arguments: [String: String]
    ) async throws {
        let json = try String(decoding: JSONEncoder.sortedKeys.encode(arguments), as: UTF8.self)
        let now = Timestamp.string(Date())
        for recipient in Set(recipients).sorted() {
            try await sql.insert(into: "notifications")
                .columns(
                    "recipient_user_id", "kind", "subject_kind", "subject_id", "text_key", "arguments", "created_at"
                )
                .values(recipient, kind.rawValue, subjectKind.rawValue, subjectID, textKey, json, now)
                .run()
        }
    }

    /// Who an owner is: the person, or when only an organisation is named, its active people.
    public func recipients(ownerUserID: Int?, ownerOrganisationID: Int?) async throws -> [Int] {
        if let ownerUserID { return [ownerUserID] }
        guard let ownerOrganisationID else { return [] }
        return try await sql.raw(
            "SELECT id FROM users WHERE organisation_id = \(bind: ownerOrganisationID) AND active = 1 ORDER BY id"
        ).all().map { try $0.decode(column: "id", as: Int.self) }
    }

    /// A person's notices, newest first.
    public func inbox(userID: Int, limit: Int = 100) async throws -> [InboxNotification] {
        try await notices("recipient_user_id = \(bind: userID) ORDER BY id DESC LIMIT \(bind: limit)")
    }

    /// Notices matching `condition` (which carries its own ORDER BY and LIMIT).
    func notices(_ condition: SQLQueryString) async throws -> [InboxNotification] {
        try await sql.raw(
            "SELECT id, kind, subject_kind, subject_id, text_key, arguments, created_at, read_at FROM notifications WHERE "
                + condition
        ).all().compactMap { row in
            let arguments = try row.decode(column: "arguments", as: String.self)
            // Every stored kind was written from `EntityKind`; a row of a kind this version does not know (written by
            // a newer one on the same database) is left out rather than breaking the inbox.
            guard let subjectKind = EntityKind(rawValue: try row.decode(column: "subject_kind", as: String.self))
            else { return nil }
            return InboxNotification(
                id: try row.decode(column: "id", as: Int.self), kind: try row.decode(column: "kind", as: String.self),
                subjectKind: subjectKind,
                subjectID: try row.decode(column: "subject_id", as: Int.self),
                textKey: try row.decode(column: "text_key", as: String.self),
                arguments: (try? JSONDecoder().decode([String: String].self, from: Data(arguments.utf8))) ?? [:],
                createdAt: try row.decode(column: "created_at", as: String.self),
                readAt: try row.decode(column: "read_at", as: String?.self))
        }
    }

    public func unreadCount(userID: Int) async throws -> Int {
        try await sql.raw(
            "SELECT COUNT(*) AS n FROM notifications WHERE recipient_user_id = \(bind: userID) AND read_at IS NULL"
        ).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Marks one of the person's notices read, or all of them when `id` is nil; returns how many changed.
    @discardableResult
    public func markRead(userID: Int, id: Int? = nil) async throws -> Int {
        let now = Timestamp.string(Date())
        let rows: [any SQLRow]
        if let id {
            rows = try await sql.raw(
                """
                UPDATE notifications SET read_at = \(bind: now)
                WHERE recipient_user_id = \(bind: userID) AND id = \(bind: id) AND read_at IS NULL RETURNING id
                """
            ).all()
        } else {
            rows = try await sql.raw(
                """
                UPDATE notifications SET read_at = \(bind: now)
                WHERE recipient_user_id = \(bind: userID) AND read_at IS NULL RETURNING id
                """
            ).all()
        }
        return rows.count
    }
}
