import Foundation

/// Turns a number stored in a worksheet cell back into the text a person sees in it.
///
/// Excel stores a typed "108.42" as the number 108.42, and it keeps no trace of the digits as typed: a "108.10"
/// typed into a General cell is stored as 108.1 and reads back as "108.1". When the cell has a fixed-decimals
/// format ("0.00") the decimals are restored from it; otherwise the number is shown the way Excel's General format
/// shows it (at most 15 significant digits, then the shortest form). The Rec # column of a matrix this module
/// writes is formatted as text, so that Excel keeps what is typed there as text in the first place.
enum NumberDisplay {
    enum Kind: Equatable {
        case general
        case fixed(decimals: Int)
        case percent(decimals: Int)
        case date(withTime: Bool)
        case time
    }

    static func text(_ raw: String, kind: Kind, date1904: Bool) -> String {
        guard let value = Double(raw.trimmingCharacters(in: .whitespaces)), value.isFinite else { return raw }
        switch kind {
        case .general: return general(value)
        case .fixed(let decimals): return String(format: "%.\(decimals)f", value)
        case .percent(let decimals): return String(format: "%.\(decimals)f", value * 100) + "%"
        case .date(let withTime): return date(value, withTime: withTime, date1904: date1904) ?? general(value)
        case .time: return clock(value)
        }
    }

    /// Excel's General format, near enough: integers in full, other numbers rounded to 15 significant digits.
    static func general(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let rounded = String(format: "%.15g", value)
        guard let shortest = Double(rounded)?.description, !shortest.contains("e") else { return rounded }
        return shortest
    }

    /// ISO 8601 date of a serial day number (1900 system: day 1 is 1900-01-01, with Excel's phantom 1900-02-29).
    private static func date(_ serial: Double, withTime: Bool, date1904: Bool) -> String? {
        guard serial >= 0, serial < 2_958_466 else { return nil }  // up to 9999-12-31
        var day = Int(serial.rounded(.down))
        if date1904 {
            day += 1462
        } else if day < 60 {
            day += 1  // before the phantom leap day
        }
        // Serial 25,569 is 1970-01-01.
        let (year, month, dayOfMonth) = civil(daysSince1970: day - 25_569)
        let text = String(format: "%04d-%02d-%02d", year, month, dayOfMonth)
        let fraction = serial - serial.rounded(.down)
        return withTime && fraction > 0 ? text + " " + clock(serial) : text
    }

    private static func clock(_ serial: Double) -> String {
        let seconds = Int(((serial - serial.rounded(.down)) * 86_400).rounded()) % 86_400
        let text = String(format: "%02d:%02d", seconds / 3600, seconds / 60 % 60)
        return seconds % 60 == 0 ? text : text + String(format: ":%02d", seconds % 60)
    }

    /// Howard Hinnant's `civil_from_days`.
    private static func civil(daysSince1970 days: Int) -> (Int, Int, Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    // MARK: - Number formats

    /// What a number format does to a number, for the built-in ids and the common custom codes.
    static func kind(formatID: Int, code: String?) -> Kind {
        switch formatID {
        case 1, 3: return .fixed(decimals: 0)
        case 2, 4: return .fixed(decimals: 2)
        case 9: return .percent(decimals: 0)
        case 10: return .percent(decimals: 2)
        case 14...17, 22: return .date(withTime: formatID == 22)
        case 18...21, 45...47: return .time
        default: break
        }
        guard let code else { return .general }
        return kind(code: code)
    }

    private static func kind(code: String) -> Kind {
        // The first section (positive numbers), without quoted text, escapes and [colour]/[locale] brackets.
        var plain = ""
        var inQuotes = false
        var inBrackets = false
        var escaped = false
        for character in code {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\"": inQuotes.toggle()
            case _ where inQuotes: continue
            case "\\", "_", "*": escaped = true
            case "[": inBrackets = true
            case "]": inBrackets = false
            case _ where inBrackets: continue
            case ";": return classify(plain)
            default: plain.append(Character(character.lowercased()))
            }
        }
        return classify(plain)
    }

    private static func classify(_ plain: String) -> Kind {
        let hasDate =
            plain.contains("y") || plain.contains("d")
            || (plain.contains("m") && !plain.contains("h") && !plain.contains("s"))
        let hasTime = plain.contains("h") || plain.contains("s")
        if hasDate { return .date(withTime: hasTime) }
        if hasTime { return .time }
        guard plain.contains("0") || plain.contains("#") else { return .general }
        if plain.contains("e+") || plain.contains("e-") || plain.contains("/") { return .general }
        let decimals = plain.split(separator: ".", maxSplits: 1).dropFirst().first?.filter { $0 == "0" }.count ?? 0
        return plain.contains("%") ? .percent(decimals: decimals) : .fixed(decimals: decimals)
    }
}
