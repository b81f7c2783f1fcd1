/// Reads a number as people type it into a form.
///
/// Both a decimal point and a decimal comma are accepted (`12.5` and `12,5`): spreadsheets in Mongolian and many
/// other locales write the comma, and a measurement is often copied from one. Spaces (also no-break spaces) are
/// taken as thousands separators and dropped. What could mean two different numbers is refused rather than
/// guessed: both a point and a comma (`1,234.5`), several commas, or one comma followed by exactly three digits
/// (`1,234` is 1234 in English and 1.234 elsewhere).
public enum DecimalInput {
    public enum Problem: String, Error, Sendable, Equatable {
        case empty
        case notANumber = "number"
        case ambiguous
    }

    public static func parse(_ text: String) -> Result<Double, Problem> {
        let compact = String(text.unicodeScalars.filter { $0 != " " && $0 != "\u{00A0}" && $0 != "\u{202F}" })
        guard !compact.isEmpty else { return .failure(.empty) }
        let commas = compact.filter { $0 == "," }.count
        let points = compact.filter { $0 == "." }.count
        var normalised = compact
        if commas > 0 {
            guard commas == 1, points == 0 else { return .failure(.ambiguous) }
            let decimals = compact.split(separator: ",", omittingEmptySubsequences: false)[1]
            if decimals.count == 3 { return .failure(.ambiguous) }
            normalised = compact.replacingOccurrences(",", ".")
        }
        // Only digits, one sign in front and one point: `Double` alone would also take "nan", "inf" and hex.
        let allowed = normalised.unicodeScalars.enumerated().allSatisfy { index, scalar in
            ("0"..."9").contains(scalar) || scalar == "." || (index == 0 && (scalar == "-" || scalar == "+"))
        }
        guard allowed, normalised.contains(where: \.isNumber), let value = Double(normalised), value.isFinite else {
            return .failure(.notANumber)
        }
        return .success(value)
    }
}

extension String {
    fileprivate func replacingOccurrences(_ target: Character, _ replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
