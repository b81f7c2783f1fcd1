import Foundation

/// How an action item stands against its due date. Dates are calendar days (`YYYY-MM-DD`), compared as days so
/// that time zones cannot move an item from "due today" to "overdue".
public enum DueState: String, Sendable, Codable, CaseIterable, Hashable {
    /// Done or cancelled.
    case closed
    /// Open without a due date.
    case noDueDate = "no-due-date"
    case onTrack = "on-track"
    /// Due within the warning window (today included).
    case dueSoon = "due-soon"
    /// Past its due date and neither done nor cancelled.
    case overdue

    public var labelKey: String { "action.due.\(rawValue)" }

    /// The state of an item with `status` due on `due` (a `YYYY-MM-DD` day), seen on `today`, warning
    /// `soonDays` days ahead. An unreadable due date counts as none.
    public static func of(status: ActionItemStatus, due: String?, today: String, soonDays: Int = 7) -> DueState {
        if status.isClosed { return .closed }
        guard let due, let dueDay = dayNumber(due), let todayNumber = dayNumber(today) else { return .noDueDate }
        let left = dueDay - todayNumber
        if left < 0 { return .overdue }
        return left <= soonDays ? .dueSoon : .onTrack
    }

    /// Days since 1970-01-01 of a `YYYY-MM-DD` day (proleptic Gregorian), or nil when it is not a real day.
    static func dayNumber(_ text: String) -> Int? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day)
        guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else { return nil }
        return Int((date.timeIntervalSince1970 / 86_400).rounded())
    }
}
