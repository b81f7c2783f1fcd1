import Foundation
import SQLKit
import UPRDomain

/// Accounts, sessions, failed sign-ins and reset tokens, all in the database so that any server instance can
/// answer any request.
public struct AccountStore: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    // MARK: Users

    public func user(email: String) async throws -> UserAccount? {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: UserAccount.columns) FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id
            WHERE LOWER(u.email) = LOWER(\(bind: email))
            """
        ).first().map(UserAccount.init(row:))
    }

    public func user(id: Int) async throws -> UserAccount? {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: UserAccount.columns) FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id
            WHERE u.id = \(bind: id)
            """
        ).first().map(UserAccount.init(row:))
    }

    public func users() async throws -> [UserAccount] {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: UserAccount.columns) FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id
            ORDER BY u.name
            """
        ).all().map(UserAccount.init(row:))
    }

    /// Creates an account; the email must be new.
    public func createUser(
        email: String, name: String, passwordHash: String, role: Role, organisationID: Int?, actor: String
    ) async throws -> Int {
        if try await user(email: email) != nil {
            throw StoreError.invalid(field: "email", messageKey: "account.error.emailTaken")
        }
        let now = Timestamp.string(Date())
        let row = try await sql.insert(into: "users")
            .columns("email", "name", "password_hash", "role", "organisation_id", "created_at", "updated_at")
            .values(email.lowercased(), name, passwordHash, role.rawValue, organisationID, now, now)
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int.self) else { throw StoreError.missingRow("new user") }
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: "create", entity: .user, entityID: id, summary: "Account created: \(email)",
            before: [:],
            after: [
                "email": email.lowercased(), "name": name, "role": role.rawValue,
                "organisation": organisationID.map(String.init),
            ])
        return id
    }

    /// Changes name, role, organisation or active state, if nobody changed the account since `version`.
    public func updateUser(
        _ id: Int, version: Int, name: String, role: Role, organisationID: Int?, active: Bool, actor: String
    ) async throws {
        guard let before = try await user(id: id) else { throw StoreError.missingRow("user \(id)") }
        _ = try await VersionedUpdate.run(
            table: "users", id: id, expected: version,
            values: [
                ("name", name), ("role", role.rawValue), ("organisation_id", organisationID),
                ("active", active ? 1 : 0),
            ], on: sql)
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: "update", entity: .user, entityID: id, summary: "Account changed",
            before: [
                "name": before.name, "role": before.role.rawValue,
                "organisation": before.organisationID.map(String.init),
                "active": String(before.active),
            ],
            after: [
                "name": name, "role": role.rawValue, "organisation": organisationID.map(String.init),
                "active": String(active),
            ])
        if !active { try await deleteSessions(userID: id) }
    }

    public func setPassword(_ id: Int, hash: String, actor: String) async throws {
        try await sql.update("users").set("password_hash", to: hash).set("updated_at", to: Timestamp.string(Date()))
            .where("id", .equal, id).run()
        try await AuditLog.append(
            on: sql, actor: actor, action: "password", entity: .user, entityID: String(id), summary: "Password changed"
        )
        // Every other session ends with a password change.
        try await deleteSessions(userID: id)
    }

    /// Stores a TOTP secret (enabled or only proposed) and the last accepted time step.
    public func setTOTP(_ id: Int, secret: String?, enabled: Bool, actor: String) async throws {
        try await sql.update("users").set("totp_secret", to: secret).set("totp_enabled", to: enabled ? 1 : 0)
            .set("totp_last_counter", to: Int?.none).where("id", .equal, id).run()
        try await AuditLog.append(
            on: sql, actor: actor, action: enabled ? "totp-enable" : "totp-disable", entity: .user,
            entityID: String(id), summary: enabled ? "Two-step sign-in turned on" : "Two-step sign-in turned off")
    }

    /// Records the time step of an accepted code, only if it is later than the last one: a code cannot be replayed,
    /// not even by two instances at once.
    public func acceptTOTPCounter(_ id: Int, counter: Int) async throws -> Bool {
        let row = try await sql.raw(
            """
            UPDATE users SET totp_last_counter = \(bind: counter)
            WHERE id = \(bind: id) AND (totp_last_counter IS NULL OR totp_last_counter < \(bind: counter))
            RETURNING id
            """
        ).first()
        return row != nil
    }

    /// Remembers the language the person uses the site in (for mail to them); true when it changed. Recorded in the
    /// audit log like any change of the account.
    @discardableResult
    public func setLanguage(_ id: Int, language: String, actor: String) async throws -> Bool {
        guard let before = try await user(id: id), before.language != language else { return false }
        try await sql.update("users").set("language", to: language).where("id", .equal, id).run()
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: "language", entity: .user, entityID: id, summary: "Language for mail",
            before: ["language": before.language], after: ["language": language])
        return true
    }

    // MARK: Sessions

    public func createSession(
        idHash: String, userID: Int, csrfToken: String, twoFactorPending: Bool, lifetime: TimeInterval
    )
        async throws
    {
        let now = Date()
        try await sql.insert(into: "sessions")
            .columns("id_hash", "user_id", "csrf_token", "two_factor_pending", "created_at", "expires_at")
            .values(
                idHash, userID, csrfToken, twoFactorPending ? 1 : 0, Timestamp.string(now),
                Timestamp.string(now.addingTimeInterval(lifetime))
            )
            .run()
    }

    /// A live session, its account and the working groups of the account's organisation; expired sessions and
    /// disabled accounts give nil. One query: every request of a signed-in person asks this.
    public func session(idHash: String) async throws -> (
        csrfToken: String, twoFactorPending: Bool, user: UserAccount, workingGroupIDs: Set<Int>
    )? {
        let groups: SQLQueryString =
            switch DatabaseKind(sql) {
            case .sqlite: "group_concat(m.working_group_id)"
            case .postgres: "string_agg(CAST(m.working_group_id AS TEXT), ',')"
            }
        guard
            let row = try await sql.raw(
                """
                SELECT s.csrf_token, s.two_factor_pending, s.expires_at, \(unsafeRaw: UserAccount.columns),
                       (SELECT
                """ + " " + groups
                    + """
                     FROM working_group_members m WHERE m.organisation_id = u.organisation_id) AS group_ids
                    FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN organisations o ON o.id = u.organisation_id
                    WHERE s.id_hash = \(bind: idHash)
                    """
            ).first()
        else { return nil }
        let expires = try row.decode(column: "expires_at", as: String.self)
        guard expires > Timestamp.string(Date()) else {
            try await sql.delete(from: "sessions").where("id_hash", .equal, idHash).run()
            return nil
        }
        let user = try UserAccount(row: row)
        guard user.active else { return nil }
        let groupIDs = (try row.decode(column: "group_ids", as: String?.self) ?? "").split(separator: ",")
            .compactMap { Int($0) }
        return (
            try row.decode(column: "csrf_token", as: String.self),
            try row.decode(column: "two_factor_pending", as: Int.self) != 0, user, Set(groupIDs)
        )
    }

    public func completeTwoFactor(idHash: String) async throws {
        try await sql.update("sessions").set("two_factor_pending", to: 0).where("id_hash", .equal, idHash).run()
    }

    public func deleteSession(idHash: String) async throws {
        try await sql.delete(from: "sessions").where("id_hash", .equal, idHash).run()
    }

    public func deleteSessions(userID: Int) async throws {
        try await sql.delete(from: "sessions").where("user_id", .equal, userID).run()
    }

    // MARK: Throttling

    public func recordFailure(email: String, client: String) async throws {
        try await sql.insert(into: "login_failures").columns("email", "client", "at")
            .values(email.lowercased(), client, Timestamp.string(Date())).run()
    }

    /// Failed sign-ins for this email or from this client since `since`.
    public func failures(email: String, client: String, since: Date) async throws -> (email: [Date], client: [Date]) {
        let cutoff = Timestamp.string(since)
        let byEmail = try await sql.raw(
            "SELECT at FROM login_failures WHERE email = \(bind: email.lowercased()) AND at >= \(bind: cutoff)"
        ).all().compactMap { Timestamp.date(try $0.decode(column: "at", as: String.self)) }
        let byClient = try await sql.raw(
            "SELECT at FROM login_failures WHERE client = \(bind: client) AND at >= \(bind: cutoff)"
        ).all().compactMap { Timestamp.date(try $0.decode(column: "at", as: String.self)) }
        return (byEmail, byClient)
    }

    public func clearFailures(email: String) async throws {
        try await sql.delete(from: "login_failures").where("email", .equal, email.lowercased()).run()
    }

    // MARK: Password reset

    public func createReset(tokenHash: String, userID: Int, lifetime: TimeInterval) async throws {
        try await sql.insert(into: "password_resets").columns("token_hash", "user_id", "expires_at")
            .values(tokenHash, userID, Timestamp.string(Date().addingTimeInterval(lifetime))).run()
    }

    /// The account a reset token belongs to, if the token is unused and unexpired.
    public func resetUser(tokenHash: String) async throws -> UserAccount? {
        guard
            let row = try await sql.raw(
                """
                SELECT user_id FROM password_resets
                WHERE token_hash = \(bind: tokenHash) AND used_at IS NULL AND expires_at > \(bind: Timestamp.string(Date()))
                """
            ).first()
        else { return nil }
        return try await user(id: try row.decode(column: "user_id", as: Int.self))
    }

    /// Marks a token used; false when it was already used (so a link works once, even with two clicks at once).
    public func consumeReset(tokenHash: String) async throws -> Bool {
        try await sql.raw(
            """
            UPDATE password_resets SET used_at = \(bind: Timestamp.string(Date()))
            WHERE token_hash = \(bind: tokenHash) AND used_at IS NULL RETURNING token_hash
            """
        ).first() != nil
    }
}
