import Foundation
import SQLKit
import UPRDomain

/// Action items of meetings and commitments of agreements: who owns them, when they are due, how far they are.
public struct ActionItemStore: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// Items matching `condition` (on alias `a`), by due date (undated last).
    func items(_ condition: SQLQueryString) async throws -> [ActionItem] {
        let query: SQLQueryString =
            """
            SELECT a.id, a.meeting_id, m.title AS meeting_title, m.working_group_id, a.agreement_id,
                   ag.title AS agreement_title, a.decision_id, a.title, a.owner_user_id, u.name AS owner_user_name,
                   a.owner_organisation_id, o.name AS owner_organisation_name, a.due_date, a.status, a.version
            FROM action_items a LEFT JOIN meetings m ON m.id = a.meeting_id
            LEFT JOIN agreements ag ON ag.id = a.agreement_id
            LEFT JOIN users u ON u.id = a.owner_user_id LEFT JOIN organisations o ON o.id = a.owner_organisation_id
            WHERE
            """ + " " + condition + " ORDER BY CASE WHEN a.due_date IS NULL THEN 1 ELSE 0 END, a.due_date, a.id"
        return try await sql.raw(query).all().map { row in
            ActionItem(
                id: try row.decode(column: "id", as: Int.self),
                meetingID: try row.decode(column: "meeting_id", as: Int?.self),
                meetingTitle: try row.decode(column: "meeting_title", as: String?.self),
                workingGroupID: try row.decode(column: "working_group_id", as: Int?.self),
                agreementID: try row.decode(column: "agreement_id", as: Int?.self),
                agreementTitle: try row.decode(column: "agreement_title", as: String?.self),
                decisionID: try row.decode(column: "decision_id", as: Int?.self),
                title: try row.decode(column: "title", as: String.self),
                ownerUserID: try row.decode(column: "owner_user_id", as: Int?.self),
                ownerUserName: try row.decode(column: "owner_user_name", as: String?.self),
                ownerOrganisationID: try row.decode(column: "owner_organisation_id", as: Int?.self),
                ownerOrganisationName: try row.decode(column: "owner_organisation_name", as: String?.self),
                dueDate: try row.decode(column: "due_date", as: String?.self),
                status: ActionItemStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .open,
                version: try row.decode(column: "version", as: Int.self))
        }
    }

    public func item(id: Int) async throws -> ActionItem? {
        try await items("a.id = \(bind: id)").first
    }

    /// What a person owns: items naming them, and items naming only their organisation.
    public func owned(userID: Int, organisationID: Int?) async throws -> [ActionItem] {
        try await items(
            """
            (a.owner_user_id = \(bind: userID)
             OR (a.owner_user_id IS NULL AND a.owner_organisation_id = \(bind: organisationID ?? -1)))
            """)
    }

    /// The commitments of an agreement.
    public func commitments(agreementID: Int) async throws -> [ActionItem] {
        try await items("a.agreement_id = \(bind: agreementID)")
    }

    func check(_ fields: ActionItemFields) async throws {
        if let problem = fields.problems().first {
            throw StoreError.invalid(field: problem.field, messageKey: problem.messageKey)
        }
        let meetings = MeetingStore(sql)
        try await meetings.checkExist("users", fields.ownerUserID.map { [$0] } ?? [], field: "ownerUserID")
        try await meetings.checkExist(
            "organisations", fields.ownerOrganisationID.map { [$0] } ?? [], field: "ownerOrganisationID")
    }

    /// Writes an item, audits it under its meeting or agreement, and puts a notice in its owner's inbox (the
    /// owner organisation's people when no person is named), all in the caller's transaction.
    func insert(_ fields: ActionItemFields, meetingID: Int?, decisionID: Int?, agreementID: Int? = nil, actor: String)
        async throws -> Int
    {
        let now = Timestamp.string(Date())
        let title = fields.title.trimmingCharacters(in: .whitespacesAndNewlines)
        let row = try await sql.insert(into: "action_items")
            .columns(
                "meeting_id", "decision_id", "agreement_id", "title", "owner_user_id", "owner_organisation_id",
                "due_date", "status", "created_at", "updated_at"
            )
            .values(
                meetingID, decisionID, agreementID, title, fields.ownerUserID, fields.ownerOrganisationID,
                fields.dueDate, ActionItemStatus.open.rawValue, now, now
            )
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int.self) else { throw StoreError.missingRow("action item") }
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: "create", entity: .actionItem, entityID: id,
            summary: agreementID == nil ? "Action item assigned" : "Commitment recorded", before: [:],
            after: [
                "title": title, "ownerUser": fields.ownerUserID.map(String.init),
                "ownerOrganisation": fields.ownerOrganisationID.map(String.init), "dueDate": fields.dueDate,
                "meeting": meetingID.map(String.init), "agreement": agreementID.map(String.init),
                "status": ActionItemStatus.open.rawValue,
            ])
        let notices = NotificationStore(sql)
        let context =
            if let meetingID {
                try await sql.raw("SELECT title FROM meetings WHERE id = \(bind: meetingID)").first()?
                    .decode(column: "title", as: String.self)
            } else if let agreementID {
                try await sql.raw("SELECT title FROM agreements WHERE id = \(bind: agreementID)").first()?
                    .decode(column: "title", as: String.self)
            } else { String?.none }
        try await notices.notify(
            recipients: try await notices.recipients(
                ownerUserID: fields.ownerUserID, ownerOrganisationID: fields.ownerOrganisationID),
            kind: .actionAssigned, subjectKind: .actionItem, subjectID: id,
            textKey: fields.dueDate == nil ? "notification.actionAssigned" : "notification.actionAssignedDue",
            arguments: ["title": title, "context": context ?? "", "due": fields.dueDate ?? ""])
        return id
    }

    /// Moves an item along if nobody changed it since `version`.
    public func setStatus(_ id: Int, version: Int, status: ActionItemStatus, actor: String) async throws {
        guard let before = try await item(id: id) else { throw StoreError.missingRow("action item \(id)") }
        _ = try await VersionedUpdate.run(
            table: "action_items", id: id, expected: version, values: [("status", status.rawValue)], on: sql)
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: "status", entity: .actionItem, entityID: id,
            summary: "Action item \(status.rawValue)", before: ["status": before.status.rawValue],
            after: ["status": status.rawValue])
    }
}
