/// Which reminders are due on a day: pure rules over calendar days, so the boundaries are tested without a
/// database. Each reminder has a stage; a reminder is sent once per subject, due date, stage and person, so a
/// stage seen on several days (a server that was down on the day) still reminds once, and a moved due date
/// reminds again.
public enum ReminderRules {
    /// The stage of a reminder.
    public enum Stage: String, Sendable, CaseIterable, Hashable {
        /// Due within the warning window (an action item in 7 days or fewer).
        case soon
        case today
        case overdue
        /// The mid-term report date is 90 days or fewer away.
        case days90 = "90-days"
        /// The mid-term report date is 30 days or fewer away.
        case days30 = "30-days"
    }

    public static let soonDays = DueState.soonDays
    public static let midTermFirstWarning = 90
    public static let midTermSecondWarning = 30

    /// An open action item or commitment due on `due`: soon (1 to 7 days left), today, or overdue.
    public static func actionItem(status: ActionItemStatus, due: CalendarDay?, today: CalendarDay) -> Stage? {
        guard !status.isClosed, let due else { return nil }
        return stage(daysLeft: due.dayNumber - today.dayNumber)
    }

    /// An indicator's next measurement: expected one collection period after the last accepted measurement (or
    /// after the baseline when none was accepted yet); nil when the frequency cannot be read as a period.
    public static func nextMeasurement(frequency: String, lastMeasured: CalendarDay?, baseline: CalendarDay?)
        -> CalendarDay?
    {
        guard let months = periodMonths(frequency), let from = lastMeasured ?? baseline else { return nil }
        return from.adding(months: months)
    }

    /// The stage of an indicator whose next measurement is expected on `expected`.
    public static func measurement(expected: CalendarDay, today: CalendarDay) -> Stage? {
        stage(daysLeft: expected.dayNumber - today.dayNumber)
    }

    /// The mid-term report date: the first warning 90 days ahead, the second 30 days ahead; nothing after it.
    public static func midTerm(reportDate: CalendarDay, today: CalendarDay) -> Stage? {
        let left = reportDate.dayNumber - today.dayNumber
        if left < 0 { return nil }
        if left <= midTermSecondWarning { return .days30 }
        return left <= midTermFirstWarning ? .days90 : nil
    }

    static func stage(daysLeft: Int) -> Stage? {
        if daysLeft < 0 { return .overdue }
        if daysLeft == 0 { return .today }
        return daysLeft <= soonDays ? .soon : nil
    }

    /// Months between two collections, read from the indicator's free-text frequency in English or Mongolian:
    /// monthly, quarterly, twice a year, yearly, "every 2 years", "every 3–5 years" (the shorter, so nobody is
    /// reminded late). Nil when the text names no period.
    public static func periodMonths(_ frequency: String) -> Int? {
        let text = frequency.lowercased()
        let number = text.split { !$0.isNumber }.first.flatMap { Int($0) }
        let words: [(needles: [String], months: Int)] = [
            (["month", "сар бүр", "сараар"], 1), (["quarter", "улирал"], 3),
            (["semi", "half", "twice a year", "хагас жил"], 6),
            (["year", "annual", "жил"], 12),
        ]
        for (needles, months) in words where needles.contains(where: text.contains) {
            if let number, number > 0, text.contains("every") || text.contains("бүр") || text.contains("тутам") {
                return months == 12 || months == 1 ? number * months : months
            }
            return months
        }
        return nil
    }
}
