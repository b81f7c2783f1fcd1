import Foundation
import Testing

@testable import UPRLocalization

@Suite struct FormattingTests {
    @Test(arguments: [
        (0, "0", "0"), (7, "7", "7"), (999, "999", "999"), (1_000, "1,000", "1\u{00A0}000"),
        (29_304, "29,304", "29\u{00A0}304"), (1_234_567, "1,234,567", "1\u{00A0}234\u{00A0}567"),
        (-4_500, "-4,500", "-4\u{00A0}500"),
    ])
    func numbers(value: Int, en: String, mn: String) {
        #expect(Formatting.number(value, .en) == en)
        #expect(Formatting.number(value, .mn) == mn)
    }

    @Test func extremeIntegers() {
        #expect(Formatting.number(Int.min, .en) == "-9,223,372,036,854,775,808")
        #expect(Formatting.number(Int.max, .mn).hasPrefix("9\u{00A0}223"))
    }

    @Test func decimalsAndPercentages() {
        #expect(Formatting.decimal(1234.56, .en) == "1,234.6")
        #expect(Formatting.decimal(1234.56, .mn, fractionDigits: 2) == "1\u{00A0}234.56")
        #expect(Formatting.decimal(0.05, .en, fractionDigits: 0) == "0")
        #expect(Formatting.decimal(-0.04, .en) == "0.0")
        #expect(Formatting.decimal(-2.5, .en) == "-2.5")
        #expect(Formatting.decimal(.nan, .en) == "–")
        #expect(Formatting.decimal(.infinity, .mn) == "–")
        #expect(Formatting.percent(0.19, .en) == "19%")
        #expect(Formatting.percent(150.0 / 164.0, .mn, fractionDigits: 1) == "91.5%")
    }

    /// 2 November 2010, the date of Mongolia's first review, at midnight UTC.
    static let firstReview = Date(timeIntervalSince1970: 1_288_656_000)

    @Test func dates() {
        #expect(Formatting.date(Self.firstReview, .en) == "2 November 2010")
        #expect(Formatting.date(Self.firstReview, .mn) == "2010 оны 11 сарын 2")
        #expect(Formatting.monthYear(Self.firstReview, .en) == "November 2010")
        #expect(Formatting.monthYear(Self.firstReview, .mn) == "2010 оны 11 сар")
    }

    @Test func datesFollowTheTimeZone() throws {
        let ulaanbaatar = try #require(TimeZone(identifier: "Asia/Ulaanbaatar"))
        let lateEvening = Self.firstReview.addingTimeInterval(-3600)  // 1 November 23:00 UTC, 2 November 07:00 local
        #expect(Formatting.date(lateEvening, .en) == "1 November 2010")
        #expect(Formatting.date(lateEvening, .en, timeZone: ulaanbaatar) == "2 November 2010")
    }
}
