import SQLKit

/// Which engine a connection talks to. Every place that needs dialect-specific SQL switches on this, so the
/// differences between SQLite and PostgreSQL stay in a few named spots.
public enum DatabaseKind: String, Sendable {
    case sqlite
    case postgres

    public init(_ database: any SQLDatabase) {
        self = database.dialect.name == "postgresql" ? .postgres : .sqlite
    }
}
