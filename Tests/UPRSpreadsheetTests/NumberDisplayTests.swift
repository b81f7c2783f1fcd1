import Testing

@testable import UPRSpreadsheet

@Suite("Numbers stored by Excel, shown as Excel shows them")
struct NumberDisplayTests {
    @Test("General: integers in full, 15 significant digits, shortest form")
    func general() {
        let cases: [(String, String)] = [
            ("108.42", "108.42"), ("108.1", "108.1"), ("108.42000000000002", "108.42"), ("2015", "2015"),
            ("0.30000000000000004", "0.3"), ("-3.5", "-3.5"), ("1E-3", "0.001"), ("123456789012", "123456789012"),
            ("not a number", "not a number"),
        ]
        for (raw, shown) in cases {
            #expect(NumberDisplay.text(raw, kind: .general, date1904: false) == shown, "\(raw)")
        }
    }

    @Test("formats: fixed decimals, percentages, dates, times")
    func formats() {
        #expect(
            NumberDisplay.text("108.1", kind: NumberDisplay.kind(formatID: 2, code: nil), date1904: false) == "108.10")
        #expect(NumberDisplay.kind(formatID: 164, code: "0.000") == .fixed(decimals: 3))
        #expect(NumberDisplay.kind(formatID: 164, code: "#,##0.0;[Red]-#,##0.0") == .fixed(decimals: 1))
        #expect(NumberDisplay.kind(formatID: 164, code: "0.0%") == .percent(decimals: 1))
        #expect(NumberDisplay.kind(formatID: 164, code: "dd/mm/yyyy") == .date(withTime: false))
        #expect(NumberDisplay.kind(formatID: 164, code: "[$-409]d-mmm-yy h:mm") == .date(withTime: true))
        #expect(NumberDisplay.kind(formatID: 164, code: "mm:ss") == .time)
        #expect(NumberDisplay.kind(formatID: 164, code: "\"Rec\" @") == .general)
        #expect(NumberDisplay.kind(formatID: 49, code: nil) == .general)
        #expect(NumberDisplay.text("0.25", kind: .percent(decimals: 0), date1904: false) == "25%")
        #expect(NumberDisplay.text("42500", kind: .date(withTime: false), date1904: false) == "2016-05-10")
        #expect(NumberDisplay.text("1", kind: .date(withTime: false), date1904: false) == "1900-01-01")
        #expect(NumberDisplay.text("61", kind: .date(withTime: false), date1904: false) == "1900-03-01")
        #expect(NumberDisplay.text("0", kind: .date(withTime: false), date1904: true) == "1904-01-01")
        #expect(NumberDisplay.text("42500.75", kind: .date(withTime: true), date1904: false) == "2016-05-10 18:00")
        #expect(NumberDisplay.text("0.5", kind: .time, date1904: false) == "12:00")
    }

    @Test("OOXML character escapes")
    func escapes() {
        #expect(CellText.unescapeOOXML("a_x000D_b_x005F_c_x00_") == "a\rb_c_x00_")
        #expect(CellText.escapeOOXML("Text with _x000D_ in it") == "Text with _x005F_x000D_ in it")
        #expect(CellText.unescapeOOXML(CellText.escapeOOXML("_x0041__xABCD_")) == "_x0041__xABCD_")
    }
}
