import Foundation

/// Numbers and dates as each language writes them. Hand-written rather than locale-driven so that the output is the
/// same on every platform and Foundation version.
///
/// Digit grouping: English uses a comma (`29,304`); Mongolian uses a no-break space, U+00A0 (`29 304`), which looks
/// like a normal space but never breaks a number across lines. Both use a full stop as the decimal separator.
public enum Formatting {
    /// The digit-group separator of a language.
    public static func groupingSeparator(_ language: Language) -> String {
        switch language {
        case .en: ","
        case .mn: "\u{00A0}"
        }
    }

    /// An integer with thousands separators: en `29,304`, mn `29 304`; negative numbers get a leading `-`.
    public static func number(_ value: Int, _ language: Language) -> String {
        let grouped = group(String(value.magnitude), separator: groupingSeparator(language))
        return value < 0 ? "-" + grouped : grouped
    }

    /// A decimal number rounded to `fractionDigits` places, grouped like ``number(_:_:)``: en `1,234.5`.
    /// Not-a-number and infinities come back as `–`.
    public static func decimal(_ value: Double, _ language: Language, fractionDigits: Int = 1) -> String {
        let digits = max(0, min(fractionDigits, 6))
        guard value.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return "–" }
        let units = UInt64(scaled)
        let whole = units / UInt64(scale)
        let fraction = units % UInt64(scale)
        var text = group(String(whole), separator: groupingSeparator(language))
        if digits > 0 {
            let fractionText = String(fraction)
            text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        }
        return value < 0 && units > 0 ? "-" + text : text
    }

    /// A share as a percentage: `percent(0.19, language)` is `19%` in both languages (CLDR writes no space in either).
    public static func percent(_ fraction: Double, _ language: Language, fractionDigits: Int = 0) -> String {
        decimal(fraction * 100, language, fractionDigits: fractionDigits) + "%"
    }

    /// A calendar date: en `2 November 2010`, mn `2010 оны 11 сарын 2`. Read in `timeZone` (UTC by default, the
    /// zone in which imported dates are stored).
    public static func date(_ date: Date, _ language: Language, timeZone: TimeZone = .gmt) -> String {
        let (year, month, day) = components(date, timeZone)
        switch language {
        case .en: return "\(day) \(englishMonths[month - 1]) \(year)"
        case .mn: return "\(year) оны \(month) сарын \(day)"
        }
    }

    /// A month and year: en `November 2010`, mn `2010 оны 11 сар`.
    public static func monthYear(_ date: Date, _ language: Language, timeZone: TimeZone = .gmt) -> String {
        let (year, month, _) = components(date, timeZone)
        switch language {
        case .en: return "\(englishMonths[month - 1]) \(year)"
        case .mn: return "\(year) оны \(month) сар"
        }
    }

    private static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    private static func components(_ date: Date, _ timeZone: TimeZone) -> (year: Int, month: Int, day: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return (parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    private static func group(_ digits: String, separator: String) -> String {
        guard digits.count > 3 else { return digits }
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += separator }
            out.append(digit)
        }
        return out
    }
}
