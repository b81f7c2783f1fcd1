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

    /// The warning window in days: the page's "due soon" and the reminders' "soon" are the same days.
    public static let soonDays = 7

    /// The state of an item with `status` due on `due` (a `YYYY-MM-DD` day), seen on `today`, warning
    /// `soonDays` days ahead. An unreadable due date counts as none.
    public static func of(status: ActionItemStatus, due: String?, today: String, soonDays: Int = soonDays)
        -> DueState
    {
        if status.isClosed { return .closed }
        guard let due, let dueDay = CalendarDay(due), let todayDay = CalendarDay(today) else { return .noDueDate }
        let left = dueDay.dayNumber - todayDay.dayNumber
        if left < 0 { return .overdue }
        return left <= soonDays ? .dueSoon : .onTrack
    }
}
