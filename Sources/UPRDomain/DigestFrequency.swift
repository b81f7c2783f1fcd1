/// How often a person wants their notices by mail: never (the default), once a day or once a week.
public enum DigestFrequency: String, Sendable, Codable, CaseIterable, Hashable {
    case none
    case daily
    case weekly

    public var labelKey: String { "digest.\(rawValue)" }

    /// The first day of the period `today` falls in: the day itself, or the Monday of its week. One digest per
    /// person and period start, so a second run in the same period sends nothing.
    public func periodStart(_ today: CalendarDay) -> CalendarDay? {
        switch self {
        case .none: nil
        case .daily: today
        case .weekly: today.adding(days: -today.weekdayFromMonday)
        }
    }
}
