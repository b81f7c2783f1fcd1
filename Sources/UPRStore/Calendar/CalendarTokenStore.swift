import Foundation
import SQLKit

/// The hashed secrets of personal calendar feeds, one per person.
public struct CalendarTokenStore: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// Replaces the person's token hash (the old feed URL stops working) and audits it, without the token.
    public func replace(userID: Int, tokenHash: String, actor: String) async throws {
        try await sql.delete(from: "calendar_tokens").where("user_id", .equal, userID).run()
        try await sql.insert(into: "calendar_tokens").columns("user_id", "token_hash", "created_at")
            .values(userID, tokenHash, Timestamp.string(Date())).run()
        try await AuditLog.append(
            on: sql, actor: actor, action: "calendar-token", entity: .user, entityID: String(userID),
            summary: "Calendar feed address renewed")
    }

    /// Whether the person has a feed address, and since when.
    public func createdAt(userID: Int) async throws -> String? {
        try await sql.raw("SELECT created_at FROM calendar_tokens WHERE user_id = \(bind: userID)").first()?
            .decode(column: "created_at", as: String.self)
    }

    /// The active person a token hash belongs to.
    public func user(tokenHash: String) async throws -> UserAccount? {
        guard
            let id = try await sql.raw(
                "SELECT user_id FROM calendar_tokens WHERE token_hash = \(bind: tokenHash)"
            ).first()?.decode(column: "user_id", as: Int.self),
            let user = try await AccountStore(sql).user(id: id), user.active
        else { return nil }
        return user
    }
}
