import Foundation

/// Where the data lives: an SQLite file (the embedded default) or a PostgreSQL URL.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqliteFile(String)
    case sqliteMemory
    case postgres(URL)

    /// Reads `--database` or `DATABASE_URL`: a `postgres://` or `postgresql://` URL, `sqlite::memory:`, a
    /// `sqlite://PATH` URL, or a plain file path. Nil and empty mean the default file `upr.sqlite`.
    public init(parsing raw: String?) throws(DatabaseLocationError) {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else {
            self = .sqliteFile("upr.sqlite")
            return
        }
        let lower = raw.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            guard let url = URL(string: raw), url.host != nil else { throw DatabaseLocationError(value: raw) }
            self = .postgres(url)
        } else if lower == "sqlite::memory:" || lower == ":memory:" {
            self = .sqliteMemory
        } else if lower.hasPrefix("sqlite://") {
            self = .sqliteFile(String(raw.dropFirst("sqlite://".count)))
        } else if lower.contains("://") {
            throw DatabaseLocationError(value: raw)
        } else {
            self = .sqliteFile(raw)
        }
    }

    public var kind: DatabaseKind {
        if case .postgres = self { return .postgres }
        return .sqlite
    }

    /// A form safe to print: the password of a PostgreSQL URL is masked.
    public var description: String {
        switch self {
        case .sqliteFile(let path): return "SQLite file \(path)"
        case .sqliteMemory: return "SQLite in memory"
        case .postgres(let url):
            guard var parts = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return "PostgreSQL" }
            if parts.password != nil { parts.password = "***" }
            return "PostgreSQL \(parts.string ?? "")"
        }
    }
}

/// A database setting that is neither a path nor a URL the product understands.
public struct DatabaseLocationError: Error, CustomStringConvertible, Sendable {
    public var value: String
    public var description: String {
        "Cannot use database “\(value)”: give a file path for SQLite or a postgres://user:password@host:port/name URL."
    }
}
