import Foundation

/// Dates are stored as ISO 8601 text in UTC on both engines: sortable as text, identical in SQLite and PostgreSQL,
/// and readable in a dump.
public enum Timestamp {
    public static func string(_ date: Date) -> String { date.ISO8601Format() }

    public static func date(_ text: String) -> Date? { try? Date.ISO8601FormatStyle().parse(text) }

    /// A calendar day as `YYYY-MM-DD`, the form used for review and response dates.
    public static func day(_ date: Date) -> String { String(date.ISO8601Format().prefix(10)) }
}
