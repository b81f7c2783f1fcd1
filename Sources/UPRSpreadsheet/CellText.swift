/// What a cell's text must become before it is written, in either format.
public enum CellText {
    /// Excel's limit on the text of one cell, in UTF-16 code units.
    static let maximumLength = 32_767

    /// Line breaks as LF, characters XML 1.0 forbids removed, text cut at Excel's cell limit with an ellipsis.
    ///
    /// Both writers apply it so that the XLSX and the CSV of one document hold the same text.
    public static func sanitize(_ text: String) -> String {
        guard needsWork(text) else { return text }
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar.value {
            case 0x0D: scalars.append("\n")
            case 0x0A where previousWasCR: continue
            case 0x09, 0x0A: scalars.append(scalar)
            case 0x00..<0x20, 0xFFFE, 0xFFFF: continue
            default: scalars.append(scalar)
            }
        }
        return truncated(String(scalars))
    }

    private static func needsWork(_ text: String) -> Bool {
        var count = 0
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 && byte != 0x09 && byte != 0x0A { return true }
            // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
            if beforePrevious == 0xEF && previous == 0xBF && (byte == 0xBE || byte == 0xBF) { return true }
            beforePrevious = previous
            previous = byte
            count += 1
        }
        // A UTF-8 string has at least as many bytes as UTF-16 units, so short strings need no count.
        return count > maximumLength && text.utf16.count > maximumLength
    }

    private static func truncated(_ text: String) -> String {
        guard text.utf16.count > maximumLength else { return text }
        var out = ""
        var length = 0
        for character in text {
            let size = character.utf16.count
            if length + size > maximumLength - 1 { break }
            out.append(character)
            length += size
        }
        out.append("…")
        return out
    }

    // MARK: - OOXML's escape for characters in shared and inline strings

    /// Spreadsheet text may carry `_xHHHH_` for a character (Excel writes a carriage return as `_x000D_`); literal
    /// text of that shape is written with its underscore escaped, `_x005F_xHHHH_`, so it reads back unchanged.
    static func escapeOOXML(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "_")) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        for index in bytes.indices {
            if bytes[index] == UInt8(ascii: "_") && isEscapeSequence(bytes, at: index) {
                out.append(contentsOf: "_x005F_".utf8)
            } else {
                out.append(bytes[index])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Replaces each `_xHHHH_` with its character.
    static func unescapeOOXML(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "_")) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "_") && isEscapeSequence(bytes, at: index),
                let value = UInt32(String(decoding: bytes[(index + 2)..<(index + 6)], as: UTF8.self), radix: 16),
                let scalar = Unicode.Scalar(value)
            {
                out.append(contentsOf: String(scalar).utf8)
                index += 7
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isEscapeSequence(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index + 6 < bytes.count, bytes[index + 1] == UInt8(ascii: "x"), bytes[index + 6] == UInt8(ascii: "_")
        else { return false }
        return bytes[(index + 2)..<(index + 6)].allSatisfy(isHexDigit)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
            UInt8(ascii: "A")...UInt8(ascii: "F"):
            true
        default: false
        }
    }
}
