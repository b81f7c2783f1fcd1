import UPRDomain

/// A date as the UHRI exports write it: an Excel serial day number in the XLSX (`43525` is 2019-03-01), an ISO
/// 8601 date or date-time in the JSON (`2019-03-01T00:00:00`). Either is read from either format: a workbook
/// saved again with the column formatted as dates reads as ISO.
enum UHRIDate {
    /// The day, or nil when the text is neither a serial number nor an ISO date. `date1904`: the workbook counts
    /// serials from 1 January 1904 (serial 0), as old Mac Excel files do.
    static func day(_ raw: String, date1904: Bool = false) -> CalendarDay? {
        let text = raw.trimmedWhitespace()
        if let serial = Double(text), serial.isFinite, text.utf8.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ".") })
        {
            return date1904 ? excelDay1904(serial) : excelDay(serial)
        }
        // `2019-03-01`, `2019-03-01T00:00:00Z`, `2019-03-01 00:00`: the day is the first ten characters.
        let day = String(text.prefix(10))
        guard let parsed = CalendarDay(day) else { return nil }
        let rest = text.dropFirst(10)
        guard rest.isEmpty || rest.first == "T" || rest.first == " " else { return nil }
        return parsed
    }

    /// The day of a serial in Excel's 1900 system (the one UHRI's workbooks use): serial 25,569 is 1970-01-01,
    /// and serials from 61 on are offset by Excel's phantom 1900-02-29. A time of day (the fraction) is dropped.
    private static func excelDay(_ serial: Double) -> CalendarDay? {
        // 1 January 1900 to 31 December 2100, the years a `CalendarDay` holds.
        guard serial >= 61, serial < 73_416 else { return nil }
        return CalendarDay(dayNumber: Int(serial.rounded(.down)) - 25_569)
    }

    /// The day of a serial in Excel's 1904 system: serial 0 is 1904-01-01, 24,107 is 1970-01-01, no phantom day.
    private static func excelDay1904(_ serial: Double) -> CalendarDay? {
        guard serial >= 0, serial < 71_954 else { return nil }
        return CalendarDay(dayNumber: Int(serial.rounded(.down)) - 24_107)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
}
