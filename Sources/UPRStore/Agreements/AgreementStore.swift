import Foundation
import SQLKit
import UPRDomain

/// Agreements and their commitments. A commitment is an action item of the agreement, so it has an owner, a due
/// date and a status, reaches its owner's inbox and calendar, and follows the same due logic.
public struct AgreementStore: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// Every agreement, newest first (without commitments).
    public func agreements() async throws -> [Agreement] {
        try await sql.raw("SELECT id, title, text, signed_on, version FROM agreements ORDER BY signed_on DESC, id DESC")
            .all().map(Self.agreement)
    }

    static func agreement(_ row: any SQLRow) throws -> Agreement {
        Agreement(
            id: try row.decode(column: "id", as: Int.self), title: try row.decode(column: "title", as: String.self),
            text: try row.decode(column: "text", as: String.self),
            signedOn: try row.decode(column: "signed_on", as: String?.self),
            version: try row.decode(column: "version", as: Int.self))
    }

    public func agreement(id: Int) async throws -> Agreement? {
        guard
            let row = try await sql.raw(
                "SELECT id, title, text, signed_on, version FROM agreements WHERE id = \(bind: id)"
            ).first()
        else { return nil }
        var agreement = try Self.agreement(row)
        let signatories = try await sql.raw(
            """
            SELECT o.id, o.name FROM agreement_signatories s JOIN organisations o ON o.id = s.organisation_id
            WHERE s.agreement_id = \(bind: id) ORDER BY o.name
            """
        ).all()
        agreement.signatoryIDs = try signatories.map { try $0.decode(column: "id", as: Int.self) }
        agreement.signatories = try signatories.map { try $0.decode(column: "name", as: String.self) }
        agreement.commitments = try await ActionItemStore(sql).commitments(agreementID: id)
        return agreement
    }

    /// Records an agreement and its signatories; returns its id.
    public func create(title: String, text: String, signedOn: String?, signatoryIDs: [Int], actor: String)
        async throws -> Int
    {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw StoreError.invalid(field: "title", messageKey: "form.error.required") }
        guard title.count <= 300 else { throw StoreError.invalid(field: "title", messageKey: "form.error.tooLong") }
        guard text.count <= 50_000 else { throw StoreError.invalid(field: "text", messageKey: "form.error.tooLong") }
        if let signedOn, !PlanEntryFields.isDay(signedOn) {
            throw StoreError.invalid(field: "signedOn", messageKey: "form.error.date")
        }
        try await MeetingStore(sql).checkExist("organisations", signatoryIDs, field: "signatoryIDs")
        let now = Timestamp.string(Date())
        let row = try await sql.insert(into: "agreements")
            .columns("title", "text", "signed_on", "created_at", "updated_at")
            .values(title, text, signedOn, now, now)
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int.self) else { throw StoreError.missingRow("agreement") }
        for organisation in Set(signatoryIDs).sorted() {
            try await sql.insert(into: "agreement_signatories").columns("agreement_id", "organisation_id")
                .values(id, organisation).run()
        }
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: "create", entity: .agreement, entityID: id, summary: "Agreement recorded",
            before: [:],
            after: [
                "title": title, "text": text, "signedOn": signedOn,
                "signatories": Set(signatoryIDs).sorted().map(String.init).joined(separator: ","),
            ])
        return id
    }

    /// Adds a commitment if nobody changed the agreement since `version`; returns the commitment's id.
    public func addCommitment(_ agreementID: Int, version: Int, _ fields: ActionItemFields, actor: String)
        async throws -> Int
    {
        let items = ActionItemStore(sql)
        try await items.check(fields)
        _ = try await VersionedUpdate.run(table: "agreements", id: agreementID, expected: version, values: [], on: sql)
        return try await items.insert(fields, meetingID: nil, decisionID: nil, agreementID: agreementID, actor: actor)
    }
}
