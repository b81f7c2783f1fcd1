import Foundation
import SQLKit

/// The claim both outboxes (mail, webhook deliveries) take on their due rows: up to `limit` of them, for `worker`
/// until `now + lease`, counting the attempt. One statement, so two workers never get the same row: PostgreSQL locks
/// the chosen rows and skips rows another worker has locked; SQLite runs each writing statement alone. A claim whose
/// lease ran out (its worker died) can be taken again.
struct OutboxClaim {
    /// The outbox table; it has `id`, `next_attempt_at`, `attempts`, `claimed_by` and `claimed_until`.
    var table: String
    /// Which rows are due besides their time and their claim (not sent yet, not given up, …).
    var due: SQLQueryString
    /// The columns the claimed rows are read with.
    var columns: String

    func claim(worker: String, limit: Int, lease: TimeInterval, now: Date, on sql: any SQLDatabase) async throws
        -> [any SQLRow]
    {
        let at = Timestamp.string(now)
        let until = Timestamp.string(now.addingTimeInterval(lease))
        let due: SQLQueryString =
            due
                + """
                 AND next_attempt_at <= \(bind: at) AND (claimed_until IS NULL OR claimed_until <= \(bind: at))
                """
        let query: SQLQueryString
        switch DatabaseKind(sql) {
        case .postgres:
            query =
                "WITH due AS (SELECT id AS due_id FROM \(ident: table) WHERE " + due
                    + """
                     ORDER BY next_attempt_at, id LIMIT \(bind: limit) FOR UPDATE SKIP LOCKED)
                    UPDATE \(ident: table) SET claimed_by = \(bind: worker), claimed_until = \(bind: until),
                        attempts = \(ident: table).attempts + 1
                    FROM due WHERE \(ident: table).id = due.due_id
                    RETURNING \(unsafeRaw: columns)
                    """
        case .sqlite:
            query =
                """
                UPDATE \(ident: table) SET claimed_by = \(bind: worker), claimed_until = \(bind: until),
                    attempts = attempts + 1
                WHERE id IN (SELECT id FROM \(ident: table) WHERE
                """ + " " + due
                    + """
                     ORDER BY next_attempt_at, id LIMIT \(bind: limit))
                    RETURNING \(unsafeRaw: columns)
                    """
        }
        return try await sql.raw(query).all()
    }
}
