import Foundation
import SQLKit

/// The answers kept under a token's `Idempotency-Key` for a day (see `CreateIdempotencyKeys`).
public struct IdempotencyStore: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// How long a key is answered: a client retries within minutes, a day leaves room for a night's outage.
    public static let lifetime: TimeInterval = 24 * 60 * 60

    /// The answer kept for the token's key, if it is younger than a day.
    public func response(tokenID: Int, key: String, now: Date = Date()) async throws -> StoredResponse? {
        let cutoff = Timestamp.string(now.addingTimeInterval(-Self.lifetime))
        guard
            let row = try await sql.raw(
                """
                SELECT request_hash, response_status, response_headers, response_body FROM idempotency_keys
                WHERE token_id = \(bind: tokenID) AND idempotency_key = \(bind: key) AND created_at > \(bind: cutoff)
                """
            ).first()
        else { return nil }
        let headers = try row.decode(column: "response_headers", as: String.self)
        return StoredResponse(
            requestHash: try row.decode(column: "request_hash", as: String.self),
            status: try row.decode(column: "response_status", as: Int.self),
            headers: (try? JSONDecoder().decode([[String]].self, from: Data(headers.utf8))) ?? [],
            body: try row.decode(column: "response_body", as: String.self))
    }

    /// Keeps the answer under the key, in the caller's transaction (the one that wrote what it answers), after
    /// removing the keys that have expired, which no request can use any more (an expired row of the same key among
    /// them). A key that is still kept (the same request sent twice at once) makes the insert fail, and the caller's
    /// transaction with it.
    public func record(tokenID: Int, key: String, _ response: StoredResponse, now: Date = Date()) async throws {
        let cutoff = Timestamp.string(now.addingTimeInterval(-Self.lifetime))
        // Never a live row of the same key: one committed by another instance meanwhile must make this insert fail.
        try await sql.raw("DELETE FROM idempotency_keys WHERE created_at <= \(bind: cutoff)").run()
        let headers = try String(decoding: JSONEncoder.sortedKeys.encode(response.headers), as: UTF8.self)
        try await sql.insert(into: "idempotency_keys")
            .columns(
                "token_id", "idempotency_key", "request_hash", "response_status", "response_headers", "response_body",
                "created_at"
            )
            .values(tokenID, key, response.requestHash, response.status, headers, response.body, Timestamp.string(now))
            .run()
    }
}
