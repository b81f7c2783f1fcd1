import Fluent
import FluentKit
import SQLKit
import Vapor

// The SQLKit view of Fluent's databases, for the queries written in SQL. Every layer that holds an `Application`,
// a `Request` or a Fluent `Database` reaches the same connection pool through these.

extension Application {
    /// The SQLKit view of the default database.
    public func sql() throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError, reason: "database has no SQL") }
        return sql
    }
}

extension Request {
    /// The SQLKit view of the request's database.
    public func sql() throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError, reason: "database has no SQL") }
        return sql
    }
}

extension FluentKit.Database {
    /// The SQLKit view of a Fluent database (inside a transaction, too).
    public func sqlDatabase() throws -> any SQLDatabase {
        guard let sql = self as? any SQLDatabase else {
            throw Abort(.internalServerError, reason: "database has no SQL")
        }
        return sql
    }
}
