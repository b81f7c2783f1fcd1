import Foundation
import SQLKit

/// The per-minute request count of each API token (see `CreateAPIRateWindows`).
public struct APIRateStore: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// Counts one request of the token in the minute of `now` and returns the minute's count so far, this request
    /// included, with the seconds until the next minute begins. One statement: two instances counting the same
    /// token at once each get their own count (the row is locked by the upsert, not read and then written).
    public func count(tokenID: Int, now: Date = Date()) async throws -> (requests: Int, retryAfter: Int) {
        let seconds = Int(now.timeIntervalSince1970)
        let window = seconds / 60 * 60
        let row = try await sql.raw(
            """
            INSERT INTO api_rate_windows (token_id, window_start, requests) VALUES (\(bind: tokenID), \(bind: window), 1)
            ON CONFLICT (token_id, window_start) DO UPDATE SET requests = api_rate_windows.requests + 1
            RETURNING requests
            """
        ).first()
        let requests = try row?.decode(column: "requests", as: Int.self) ?? 1
        if requests == 1 {
            // The token's first request of a minute: its earlier minutes are of no more use.
            try await sql.raw(
                "DELETE FROM api_rate_windows WHERE token_id = \(bind: tokenID) AND window_start < \(bind: window)"
            ).run()
        }
        return (requests, window + 60 - seconds)
    }
}
