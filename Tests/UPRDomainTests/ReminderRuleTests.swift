import Foundation
import Testing
import UPRDomain

/// Which reminders are due on a day: the boundaries of each stage, the collection period read from an indicator's
/// frequency, the digest period, and the day in Ulaanbaatar.
@Suite struct ReminderRuleTests {
    func day(_ text: String) -> CalendarDay { CalendarDay(text)! }

    @Test(
        arguments: [
            ("2026-12-09", nil),
            ("2026-12-08", ReminderRules.Stage.soon),
            ("2026-12-02", .soon),
            ("2026-12-01", .today),
            ("2026-11-30", .overdue),
            ("2024-02-29", .overdue),
        ] as [(String, ReminderRules.Stage?)])
    func actionItemStages(due: String, expected: ReminderRules.Stage?) {
        #expect(ReminderRules.actionItem(status: .open, due: day(due), today: day("2026-12-01")) == expected)
        #expect(ReminderRules.actionItem(status: .inProgress, due: day(due), today: day("2026-12-01")) == expected)
    }

    @Test func closedOrUndatedItemsAreNeverReminded() {
        for status in [ActionItemStatus.done, .cancelled] {
            #expect(ReminderRules.actionItem(status: status, due: day("2026-11-01"), today: day("2026-12-01")) == nil)
        }
        #expect(ReminderRules.actionItem(status: .open, due: nil, today: day("2026-12-01")) == nil)
    }

    @Test(arguments: [
        ("Yearly", 12), ("annual", 12), ("Every 2 years", 24), ("Every 3–5 years", 36), ("Quarterly", 3),
        ("monthly", 1), ("twice a year", 6), ("Semi-annual", 6), ("Жил бүр", 12), ("Улирал бүр", 3),
        ("Сар бүр", 1), ("3 жил тутам", 36),
    ])
    func collectionPeriods(frequency: String, months: Int) {
        #expect(ReminderRules.periodMonths(frequency) == months)
    }

    @Test func unreadableFrequenciesRemindNothing() {
        #expect(ReminderRules.periodMonths("") == nil)
        #expect(ReminderRules.periodMonths("when funding allows") == nil)
        #expect(
            ReminderRules.nextMeasurement(frequency: "whenever", lastMeasured: day("2020-01-01"), baseline: nil) == nil)
    }

    @Test func nextMeasurementCountsFromTheLastAcceptedOrTheBaseline() {
        #expect(
            ReminderRules.nextMeasurement(
                frequency: "Yearly", lastMeasured: day("2019-12-31"), baseline: day("2015-01-01"))
                == day("2020-12-31"))
        #expect(
            ReminderRules.nextMeasurement(frequency: "Quarterly", lastMeasured: nil, baseline: day("2015-11-30"))
                == day("2016-02-29"))
        #expect(ReminderRules.nextMeasurement(frequency: "Yearly", lastMeasured: nil, baseline: nil) == nil)
        let expected = day("2020-12-31")
        #expect(ReminderRules.measurement(expected: expected, today: day("2020-12-23")) == nil)
        #expect(ReminderRules.measurement(expected: expected, today: day("2020-12-24")) == .soon)
        #expect(ReminderRules.measurement(expected: expected, today: day("2020-12-31")) == .today)
        #expect(ReminderRules.measurement(expected: expected, today: day("2021-01-01")) == .overdue)
    }

    /// Mongolia's second review (5 May 2015): the mid-term report date is 5 November 2017.
    @Test func midTermWarnings() {
        let report = day("2015-05-05").adding(months: ReviewCalendar.midTermMonths)
        #expect(report == day("2017-11-05"))
        #expect(ReminderRules.midTerm(reportDate: report, today: day("2017-08-06")) == nil)
        #expect(ReminderRules.midTerm(reportDate: report, today: day("2017-08-07")) == .days90)
        #expect(ReminderRules.midTerm(reportDate: report, today: day("2017-10-05")) == .days90)
        #expect(ReminderRules.midTerm(reportDate: report, today: day("2017-10-06")) == .days30)
        #expect(ReminderRules.midTerm(reportDate: report, today: day("2017-11-05")) == .days30)
        #expect(ReminderRules.midTerm(reportDate: report, today: day("2017-11-06")) == nil)
    }

    @Test func dayArithmetic() {
        for text in ["1970-01-01", "2000-02-29", "2024-12-31", "2026-03-01", "1969-12-31"] {
            #expect(CalendarDay(dayNumber: day(text).dayNumber) == day(text))
        }
        #expect(day("2024-02-28").adding(days: 1) == day("2024-02-29"))
        #expect(day("2023-02-28").adding(days: 1) == day("2023-03-01"))
        #expect(day("2026-01-31").adding(months: 1) == day("2026-02-28"))
        #expect(day("2026-11-30").adding(months: 3) == day("2027-02-28"))
        #expect(day("2026-11-30").weekdayFromMonday == 0)  // a Monday
        #expect(day("2026-11-29").weekdayFromMonday == 6)  // a Sunday
    }

    @Test func digestPeriods() {
        #expect(DigestFrequency.none.periodStart(day("2026-11-29")) == nil)
        #expect(DigestFrequency.daily.periodStart(day("2026-11-29")) == day("2026-11-29"))
        #expect(DigestFrequency.weekly.periodStart(day("2026-11-29")) == day("2026-11-23"))
        #expect(DigestFrequency.weekly.periodStart(day("2026-11-30")) == day("2026-11-30"))
        #expect(DigestFrequency.weekly.periodStart(day("2026-12-06")) == day("2026-11-30"))
    }

    /// 20:00 UTC on 30 November is already 1 December in Ulaanbaatar (UTC+8): its action items are due "today".
    @Test func theDayIsUlaanbaatars() throws {
        let zone = try #require(TimeZone(identifier: "Asia/Ulaanbaatar"))
        let evening = try #require(ISO8601DateFormatter().date(from: "2026-11-30T20:00:00Z"))
        #expect(CalendarDay.of(evening, in: zone) == day("2026-12-01"))
        #expect(CalendarDay.of(evening, in: TimeZone(identifier: "UTC")!) == day("2026-11-30"))
        #expect(
            ReminderRules.actionItem(status: .open, due: day("2026-12-01"), today: CalendarDay.of(evening, in: zone))
                == .today)
    }

    @Test func subscriptionKeys() {
        #expect(SubscriptionSubject.cluster.accepts("women"))
        #expect(!SubscriptionSubject.cluster.accepts("nonsense"))
        #expect(SubscriptionSubject.recommendation.accepts("42"))
        #expect(!SubscriptionSubject.state.accepts("-1"))
        #expect(!SubscriptionSubject.organisation.accepts("x"))
        let observer = Principal(userID: 1, role: .observer, organisationID: nil)
        #expect(Authorization.allows(observer, .manageOwnSubscriptions))
        #expect(!Authorization.allows(nil, .manageOwnSubscriptions))
    }
}
