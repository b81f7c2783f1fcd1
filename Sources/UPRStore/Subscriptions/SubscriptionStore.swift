import Foundation
import SQLKit
import UPRDomain

/// Subscriptions and their fan-out into the inbox. Every event that concerns recommendations calls `fanOut` in its
/// own transaction, so a notice exists exactly when its event does.
public struct SubscriptionStore: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// Whether the subject exists: a bad or stale key is refused, naming the field.
    func check(_ subject: SubscriptionSubject, _ key: String) async throws {
        guard subject.accepts(key) else { throw StoreError.invalid(field: "key", messageKey: "form.error.choice") }
        let table: String? =
            switch subject {
            case .recommendation: "recommendations"
            case .organisation: "organisations"
            case .state: "states"
            case .cluster: nil
            }
        guard let table, let id = Int(key) else { return }
        if try await sql.raw("SELECT id FROM \(unsafeRaw: table) WHERE id = \(bind: id)").first() == nil {
            throw StoreError.invalid(field: "key", messageKey: "form.error.choice")
        }
    }

    /// Follows a subject; following it twice changes nothing. Returns whether a subscription was added.
    @discardableResult
    public func subscribe(userID: Int, _ subject: SubscriptionSubject, key: String, actor: String) async throws -> Bool
    {
        try await check(subject, key)
        let row = try await sql.raw(
            """
            INSERT INTO subscriptions (user_id, subject_kind, subject_key, created_at)
            VALUES (\(bind: userID), \(bind: subject.rawValue), \(bind: key), \(bind: Timestamp.string(Date())))
            ON CONFLICT (user_id, subject_kind, subject_key) DO NOTHING RETURNING id
            """
        ).first()
        guard let id = try row?.decode(column: "id", as: Int.self) else { return false }
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: "subscribe", entity: .subscription, entityID: id,
            summary: "Subscribed to \(subject.rawValue) \(key)", before: [:],
            after: ["user": String(userID), "subject": subject.rawValue, "key": key])
        return true
    }

    /// Stops following a subject. Returns whether there was a subscription to remove.
    @discardableResult
    public func unsubscribe(userID: Int, _ subject: SubscriptionSubject, key: String, actor: String) async throws
        -> Bool
    {
        let row = try await sql.raw(
            """
            DELETE FROM subscriptions WHERE user_id = \(bind: userID) AND subject_kind = \(bind: subject.rawValue)
            AND subject_key = \(bind: key) RETURNING id
            """
        ).first()
        guard let id = try row?.decode(column: "id", as: Int.self) else { return false }
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: "unsubscribe", entity: .subscription, entityID: id,
            summary: "Unsubscribed from \(subject.rawValue) \(key)",
            before: ["user": String(userID), "subject": subject.rawValue, "key": key], after: [:])
        return true
    }

    public func isSubscribed(userID: Int, _ subject: SubscriptionSubject, key: String) async throws -> Bool {
        try await sql.raw(
            """
            SELECT 1 AS one FROM subscriptions WHERE user_id = \(bind: userID)
            AND subject_kind = \(bind: subject.rawValue) AND subject_key = \(bind: key)
            """
        ).first() != nil
    }

    /// A person's subscriptions with the names of their subjects, by kind then name.
    public func subscriptions(userID: Int) async throws -> [Subscription] {
        try await sql.raw(
            """
            SELECT s.id, s.subject_kind, s.subject_key, s.created_at,
                   CASE s.subject_kind
                     WHEN 'recommendation' THEN (SELECT st.name || ' ' || COALESCE(r.paragraph, '#' || CAST(r.id AS TEXT)) FROM recommendations r
                        JOIN states st ON st.id = r.state_id WHERE CAST(r.id AS TEXT) = s.subject_key)
                     WHEN 'organisation' THEN (SELECT o.name FROM organisations o WHERE CAST(o.id AS TEXT) = s.subject_key)
                     WHEN 'state' THEN (SELECT st.name FROM states st WHERE CAST(st.id AS TEXT) = s.subject_key)
                   END AS name
            FROM subscriptions s WHERE s.user_id = \(bind: userID) ORDER BY s.subject_kind, s.id
            """
        ).all().compactMap { row in
            guard let subject = SubscriptionSubject(rawValue: try row.decode(column: "subject_kind", as: String.self))
            else { return nil }
            return Subscription(
                id: try row.decode(column: "id", as: Int.self), subject: subject,
                key: try row.decode(column: "subject_key", as: String.self),
                name: try row.decode(column: "name", as: String?.self),
                createdAt: try row.decode(column: "created_at", as: String.self))
        }
    }

    /// Writes one inbox notice to everyone who follows any of `recommendationIDs`, their clusters (by their labels,
    /// or by the cluster working group that drafts their plan entry), the lead
    /// organisations of their plan entries, or their states: each person once however many ways they follow it,
    /// never the person who caused the event, and only active accounts. The notice links to `subjectKind`/`subjectID`
    /// (a plan entry, an indicator) when given, else to the first recommendation. Returns who was told.
    ///
    /// The same event is queued for the webhooks that want its kind (`WebhookOutbox`), about `webhookSubject` (the
    /// measurement, the assessment) or else the notice's subject, unless `toWebhooks` is false: a members-only
    /// comment stays among the members.
    @discardableResult
    public func fanOut(
        recommendationIDs: [Int], kind: NotificationStore.Kind, textKey: String, arguments: [String: String],
        excludingUserID: Int?, subjectKind: EntityKind = .recommendation, subjectID: Int? = nil,
        alsoExcluding: Set<Int> = [], webhookSubject: (kind: EntityKind, id: Int)? = nil, toWebhooks: Bool = true
    ) async throws -> [Int] {
        let ids = Array(Set(recommendationIDs)).sorted()
        let subject = webhookSubject ?? subjectID.map { (subjectKind, $0) } ?? ids.first.map { (.recommendation, $0) }
        if toWebhooks, let subject {
            try await WebhookOutbox(sql).enqueue(
                kind: kind, recommendationIDs: ids, subjectKind: subject.kind, subjectID: subject.id)
        }
        guard let first = ids.first else { return [] }
        let keys = ids.map(String.init)
        let recipients = try await sql.raw(
            """
            SELECT DISTINCT s.user_id FROM subscriptions s JOIN users u ON u.id = s.user_id AND u.active = 1
            WHERE (s.subject_kind = 'recommendation' AND s.subject_key IN (\(binds: keys)))
               OR (s.subject_kind = 'state' AND s.subject_key IN (
                    SELECT CAST(r.state_id AS TEXT) FROM recommendations r WHERE r.id IN (\(binds: ids))))
               OR (s.subject_kind = 'organisation' AND s.subject_key IN (
                    SELECT CAST(p.lead_organisation_id AS TEXT) FROM plan_entries p
                    WHERE p.lead_organisation_id IS NOT NULL AND (p.recommendation_id IN (\(binds: ids))
                       OR p.id IN (SELECT l.plan_entry_id FROM plan_entry_links l
                                   WHERE l.recommendation_id IN (\(binds: ids))))))
               OR (s.subject_kind = 'cluster' AND (s.subject_key IN (
                    SELECT t.code FROM recommendation_terms rt JOIN taxonomy_terms t ON t.id = rt.term_id
                    WHERE t.taxonomy = 'cluster' AND rt.recommendation_id IN (\(binds: ids)))
                  OR s.subject_key IN (
                    SELECT g.cluster FROM plan_entries p JOIN working_groups g ON g.id = p.working_group_id
                    WHERE g.cluster IS NOT NULL AND p.recommendation_id IN (\(binds: ids)))))
            ORDER BY s.user_id
            """
        ).all().map { try $0.decode(column: "user_id", as: Int.self) }.filter {
            $0 != excludingUserID && !alsoExcluding.contains($0)
        }
        try await NotificationStore(sql).notify(
            recipients: recipients, kind: kind, subjectKind: subjectID == nil ? .recommendation : subjectKind,
            subjectID: subjectID ?? first, textKey: textKey, arguments: arguments)
        return recipients
    }

    /// What the fan-out's notices name: "Mongolia 108.42".
    public func label(recommendationID: Int) async throws -> String {
        try await sql.raw(
            """
            SELECT st.name || ' ' || COALESCE(r.paragraph, '#' || CAST(r.id AS TEXT)) AS label FROM recommendations r
            JOIN states st ON st.id = r.state_id WHERE r.id = \(bind: recommendationID)
            """
        ).first()?.decode(column: "label", as: String.self) ?? "#\(recommendationID)"
    }

    /// A person's digest choice.
    public func digest(userID: Int) async throws -> DigestFrequency {
        let raw = try await sql.raw("SELECT digest FROM users WHERE id = \(bind: userID)").first()?
            .decode(column: "digest", as: String.self)
        return raw.flatMap(DigestFrequency.init(rawValue:)) ?? .none
    }

    /// Sets a person's digest choice (audited).
    public func setDigest(userID: Int, _ frequency: DigestFrequency, actor: String) async throws {
        let before = try await digest(userID: userID)
        try await sql.raw("UPDATE users SET digest = \(bind: frequency.rawValue) WHERE id = \(bind: userID)").run()
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: "digest", entity: .user, entityID: userID,
            summary: "Digest: \(frequency.rawValue)", before: ["digest": before.rawValue],
            after: ["digest": frequency.rawValue])
    }
}
