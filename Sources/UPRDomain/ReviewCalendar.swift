import Foundation

/// The follow-up calendar of one review (DOMAIN.md): the voluntary mid-term report comes about two and a half years
/// after the review, and the next review about four and a half years after it (the length of a cycle since the
/// third).
public enum ReviewCalendar {
    public static let midTermMonths = 30
    public static let cycleMonths = 54

    public static func midTermReport(after review: Date) -> Date { adding(months: midTermMonths, to: review) }
    public static func nextReview(after review: Date) -> Date { adding(months: cycleMonths, to: review) }

    /// The same dates for a review held on a calendar day (the reminders and the calendar feeds count in days).
    public static func midTermReport(after review: CalendarDay) -> CalendarDay { review.adding(months: midTermMonths) }
    public static func nextReview(after review: CalendarDay) -> CalendarDay { review.adding(months: cycleMonths) }

    static func adding(months: Int, to date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(byAdding: .month, value: months, to: date) ?? date
    }
}
