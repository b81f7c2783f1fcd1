import NIOCore
import SQLiteKit

/// Keeps one SQLite statement running while the importer prepares the next.
///
/// SQLite executes on a worker thread and the rows of the next statement are built in Swift; done in turn, each
/// waits for the other and an import uses one of the two cores. With one statement in flight the two overlap.
/// Statements still run one at a time and in order, on the import's own connection and transaction. Whoever
/// sends must `drain` before anything else touches the connection, on success and on failure alike.
struct StatementPipeline {
    let database: any SQLiteDatabase
    private var inFlight: EventLoopFuture<[SQLiteRow]>?

    init(_ database: any SQLiteDatabase) { self.database = database }

    /// Waits for the statement in flight, starts `query`, and returns the rows of the one waited for.
    mutating func send(_ query: String, _ binds: [SQLiteData]) async throws -> [SQLiteRow]? {
        let previous = try await drain()
        inFlight = database.query(query, binds)
        return previous
    }

    /// Waits for the statement in flight, if any, and returns its rows.
    mutating func drain() async throws -> [SQLiteRow]? {
        guard let running = inFlight else { return nil }
        inFlight = nil
        return try await running.get()
    }

    /// Waits for the statement in flight without caring how it ended: the way out after an error.
    mutating func abandon() async {
        _ = try? await drain()
    }
}
