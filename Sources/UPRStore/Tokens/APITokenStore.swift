import Foundation
import SQLKit
import UPRDomain

/// API tokens: made for an organisation with scopes and an optional last day, looked up by the hash of their
/// secret, revoked. Making and revoking are audited; the secret itself is never stored, logged or audited.
public struct APITokenStore: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    static let select = """
        SELECT t.id, t.organisation_id, o.name AS organisation_name, o.kind AS organisation_kind, t.name, t.scopes,
               t.created_by, t.created_at, t.expires_on, t.revoked_at, t.last_used_at
        FROM api_tokens t JOIN organisations o ON o.id = t.organisation_id
        """

    /// Every token, the newest first.
    public func tokens() async throws -> [APIToken] {
        try await sql.raw("\(unsafeRaw: Self.select) ORDER BY t.id DESC").all().map(Self.token)
    }

    public func token(id: Int) async throws -> APIToken? {
        try await sql.raw("\(unsafeRaw: Self.select) WHERE t.id = \(bind: id)").first().map(Self.token)
    }

    /// The token of a secret's hash, whatever its state (the caller tells an expired one from an unknown one).
    public func token(hash: String) async throws -> APIToken? {
        try await sql.raw("\(unsafeRaw: Self.select) WHERE t.token_hash = \(bind: hash)").first().map(Self.token)
    }

    /// A token by its number or its name (`upr token revoke 3`, `upr token revoke ilo-statistics`).
    public func token(idOrName: String) async throws -> APIToken? {
        if let id = Int(idOrName), let token = try await token(id: id) { return token }
        return try await sql.raw("\(unsafeRaw: Self.select) WHERE LOWER(t.name) = LOWER(\(bind: idOrName))").first()
            .map(Self.token)
    }

    static func token(_ row: any SQLRow) throws -> APIToken {
        APIToken(
            id: try row.decode(column: "id", as: Int.self),
            organisationID: try row.decode(column: "organisation_id", as: Int.self),
            organisationName: try row.decode(column: "organisation_name", as: String.self),
            organisationKind: try row.decodeCode(OrganisationKind.self, column: "organisation_kind"),
            name: try row.decode(column: "name", as: String.self),
            scopes: APIScope.parse(try row.decode(column: "scopes", as: String.self)) ?? [],
            createdBy: try row.decode(column: "created_by", as: String.self),
            createdAt: try row.decode(column: "created_at", as: String.self),
            expiresOn: (try row.decode(column: "expires_on", as: String?.self)).flatMap(CalendarDay.init),
            revokedAt: try row.decode(column: "revoked_at", as: String?.self),
            lastUsedAt: try row.decode(column: "last_used_at", as: String?.self))
    }

    /// Stores a new token for the organisation, of which the caller made the secret and gives only its hash.
    /// Refuses an unknown organisation, a name already taken, no scope, and a last day already past.
    public func create(
        organisationID: Int, name: String, scopes: Set<APIScope>, expiresOn: CalendarDay?, tokenHash: String,
        today: CalendarDay, actor: String
    ) async throws -> Int {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw StoreError.invalid(field: "name", messageKey: "form.error.required") }
        guard name.count <= 200 else { throw StoreError.invalid(field: "name", messageKey: "form.error.tooLong") }
        guard
            let organisation = try await sql.raw(
                "SELECT name FROM organisations WHERE id = \(bind: organisationID)"
            ).first()?.decode(column: "name", as: String.self)
        else { throw StoreError.invalid(field: "organisation", messageKey: "apiToken.error.organisation") }
        guard !scopes.isEmpty else { throw StoreError.invalid(field: "scopes", messageKey: "apiToken.error.scopes") }
        if let expiresOn, expiresOn < today {
            throw StoreError.invalid(field: "expires", messageKey: "apiToken.error.expiresPast")
        }
        if try await sql.raw("SELECT id FROM api_tokens WHERE LOWER(name) = LOWER(\(bind: name))").first() != nil {
            throw StoreError.invalid(field: "name", messageKey: "apiToken.error.nameTaken")
        }
        let row = try await sql.insert(into: "api_tokens")
            .columns("organisation_id", "name", "scopes", "token_hash", "created_by", "created_at", "expires_on")
            .values(
                organisationID, name, APIScope.text(scopes), tokenHash, actor, Timestamp.string(Date()),
                expiresOn?.description
            )
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int.self) else { throw StoreError.missingRow("api token") }
        try await AuditLog.append(
            on: sql, actor: actor, action: "create", entity: .apiToken, entityID: String(id),
            summary: "API token \(name) made for \(organisation)",
            details: [
                "organisation": organisation, "scopes": APIScope.text(scopes),
                "expires": expiresOn?.description ?? "",
            ])
        return id
    }

    /// Revokes a token at once (a revoked token is never made to work again); revoking it twice changes nothing.
    @discardableResult
    public func revoke(_ id: Int, actor: String) async throws -> Bool {
        guard let token = try await token(id: id) else { throw StoreError.missingRow("api token \(id)") }
        guard token.revokedAt == nil else { return false }
        try await sql.raw(
            "UPDATE api_tokens SET revoked_at = \(bind: Timestamp.string(Date())) WHERE id = \(bind: id)"
        ).run()
        try await AuditLog.append(
            on: sql, actor: actor, action: "revoke", entity: .apiToken, entityID: String(id),
            summary: "API token \(token.name) revoked")
        return true
    }

    /// The working groups of the token's organisation, which the rules of a group's records ask for.
    public func workingGroupIDs(of token: APIToken) async throws -> Set<Int> {
        Set(
            try await sql.raw(
                "SELECT working_group_id FROM working_group_members WHERE organisation_id = \(bind: token.organisationID)"
            ).all().map { try $0.decode(column: "working_group_id", as: Int.self) })
    }

    /// Notes that the token was used, at most once a minute: a data partner posting thousands of measurements
    /// costs one small write a minute, not one a request. The condition is in the statement, so two instances
    /// noting the same minute write once.
    public func noteUse(_ token: APIToken, at now: Date = Date()) async throws {
        let cutoff = Timestamp.string(now.addingTimeInterval(-60))
        if let last = token.lastUsedAt, last > cutoff { return }
        try await sql.raw(
            """
            UPDATE api_tokens SET last_used_at = \(bind: Timestamp.string(now))
            WHERE id = \(bind: token.id) AND (last_used_at IS NULL OR last_used_at <= \(bind: cutoff))
            """
        ).run()
    }
}
