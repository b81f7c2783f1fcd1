import Foundation

/// Reads the bytes of a text file as UTF-8, UTF-16, Mac Roman or Windows-1252, judging the encoding from the content.
///
/// UPR Info's database wrote its exports in Mac Roman, and files re-saved on Windows are in Windows-1252; neither
/// says so in the file. Both map every byte to some character, so the choice is made by scoring how plausible each
/// decoding of the non-ASCII bytes is: accented letters inside words are plausible, a capital inside a lowercase word
/// (`EquitŽ`), a symbol inside a word (`Kaiow‡`) or an unassigned code is not.
///
/// This is the one rule for every reader (import, spreadsheet, text intelligence). The text tools once had their
/// own (Mac Roman when bytes 0xD0-0xD5 outnumber 0xCD and 0xEE, else Latin-1); this one keeps their results on the
/// committed data (the working-group files' 0xD5 is still ’, their 0xCD still Í) while also telling Mac Roman
/// accented letters (0x8E é, 0x9A ö) from Windows-1252 ones, which a count of six bytes cannot. Windows-1252 rather
/// than Latin-1 because they differ only on 0x80-0x9F, which Latin-1 makes invisible C1 controls and every Windows
/// file uses for € ‘ ’ “ ” – —; a tie goes to Windows-1252, the likelier source of a file re-saved today.
public enum LegacyTextDecoding {
    /// The encoding of `data`, judged from its content.
    public static func detect(_ data: Data) -> SourceEncoding {
        data.withUnsafeBytes { detect($0) }
    }

    /// The encoding of `bytes`, judged from their content.
    public static func detect(_ bytes: UnsafeRawBufferPointer) -> SourceEncoding {
        if hasUTF16ByteOrderMark(bytes) { return .utf16 }
        if isValidUTF8(bytes) { return .utf8 }
        let scores = plausibility(of: bytes)
        // A tie means the non-ASCII bytes do not tell; Windows-1252 is then the likelier of the two.
        return scores.macRoman > scores.windows1252 ? .macRoman : .windows1252
    }

    /// The text as UTF-8 bytes without a byte-order mark, and the encoding it was read in.
    public static func utf8Bytes(of data: Data) -> (bytes: [UInt8], encoding: SourceEncoding) {
        data.withUnsafeBytes { raw in
            let encoding = detect(raw)
            return (utf8Bytes(of: raw, in: encoding), encoding)
        }
    }

    /// The text as UTF-8 bytes without a byte-order mark, read in the given encoding.
    public static func utf8Bytes(of bytes: UnsafeRawBufferPointer, in encoding: SourceEncoding) -> [UInt8] {
        switch encoding {
        case .utf8:
            let start = hasUTF8ByteOrderMark(bytes) ? 3 : 0
            return Array(bytes[start...])
        case .utf16:
            return Array(decodeUTF16(bytes).utf8)
        case .macRoman:
            return transcode(bytes, table: LegacyCodePages.macRomanUTF8)
        case .windows1252:
            return transcode(bytes, table: LegacyCodePages.windows1252UTF8)
        }
    }

    /// The text as a string, and the encoding it was read in.
    public static func string(from data: Data) -> (text: String, encoding: SourceEncoding) {
        let (bytes, encoding) = utf8Bytes(of: data)
        return (String(decoding: bytes, as: UTF8.self), encoding)
    }

    /// How plausible the non-ASCII bytes are as Mac Roman and as Windows-1252; the higher score wins.
    public static func plausibility(of data: Data) -> (macRoman: Int, windows1252: Int) {
        data.withUnsafeBytes { plausibility(of: $0) }
    }

    /// How plausible the non-ASCII bytes are as Mac Roman and as Windows-1252; the higher score wins.
    public static func plausibility(of bytes: UnsafeRawBufferPointer) -> (macRoman: Int, windows1252: Int) {
        var mac = 0
        var windows = 0
        for index in bytes.indices where bytes[index] >= 0x80 {
            mac += score(bytes, at: index, kinds: LegacyCodePages.macRomanKinds)
            windows += score(bytes, at: index, kinds: LegacyCodePages.windows1252Kinds)
        }
        return (mac, windows)
    }

    /// The character a byte stands for in Mac Roman or Windows-1252; nil for the Unicode encodings.
    public static func character(for byte: UInt8, in encoding: SourceEncoding) -> Unicode.Scalar? {
        let table: [UInt16]
        switch encoding {
        case .macRoman: table = LegacyCodePages.macRoman
        case .windows1252: table = LegacyCodePages.windows1252
        case .utf8, .utf16: return nil
        }
        return byte < 0x80 ? Unicode.Scalar(byte) : Unicode.Scalar(table[Int(byte) - 0x80])
    }

    /// Whether the bytes are well-formed UTF-8 (no overlong forms, surrogates or truncated sequences).
    public static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let count = bytes.count
        var index = 0
        while index < count {
            // Most of a file is ASCII: check eight bytes at a time.
            if index + 8 <= count,
                bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
                continue
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            var length = 0
            var secondRange: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                secondRange = 0xA0...0xBF
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                secondRange = 0x80...0x9F
            case 0xF0:
                length = 4
                secondRange = 0x90...0xBF
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                secondRange = 0x80...0x8F
            default: return false
            }
            guard index + length <= count, secondRange.contains(bytes[index + 1]) else { return false }
            var next = index + 2
            while next < index + length {
                guard bytes[next] & 0xC0 == 0x80 else { return false }
                next += 1
            }
            index += length
        }
        return true
    }

    // MARK: - Decoding

    private static func hasUTF8ByteOrderMark(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    private static func hasUTF16ByteOrderMark(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
    }

    private static func decodeUTF16(_ bytes: UnsafeRawBufferPointer) -> String {
        let bigEndian = bytes[0] == 0xFE
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 2
        while index + 1 < bytes.count {
            let high = UInt16(bytes[bigEndian ? index : index + 1])
            let low = UInt16(bytes[bigEndian ? index + 1 : index])
            units.append(high << 8 | low)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    private static func transcode(_ bytes: UnsafeRawBufferPointer, table: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 16)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
            } else {
                out.append(contentsOf: table[Int(byte) - 0x80])
            }
        }
        return out
    }

    // MARK: - Scoring

    /// What a neighbouring character is, for judging whether a decoded character fits where it stands.
    private enum Neighbour {
        case lower, upper, digit, space, other

        var isLetter: Bool { self == .lower || self == .upper }
        var isLetterOrDigit: Bool { isLetter || self == .digit }
    }

    private static func neighbour(_ bytes: UnsafeRawBufferPointer, at index: Int, kinds: [LegacyCharacterKind])
        -> Neighbour
    {
        guard index >= 0, index < bytes.count else { return .space }
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return .lower
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return .upper
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return .digit
        case 0x09, 0x0A, 0x0D, 0x20: return .space
        case 0x80...:
            switch kinds[Int(byte) - 0x80] {
            case .lower, .lowerStandalone, .rareLetter: return .lower
            case .upper: return .upper
            default: return .other
            }
        default: return .other
        }
    }

    /// English contractions and possessives ("’s", "’t", "’ll") or a French elision ("l’", "d’", "qu’").
    private static func isLikelyApostrophe(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool {
            (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
        }
        var after: [UInt8] = []
        var next = index + 1
        while next < bytes.count, isLetter(bytes[next]), after.count < 3 {
            after.append(bytes[next] | 0x20)
            next += 1
        }
        let suffixes: Set<[UInt8]> = [[0x73], [0x74], [0x64], [0x6D], [0x6C, 0x6C], [0x72, 0x65], [0x76, 0x65]]
        if (next >= bytes.count || !isLetter(bytes[next])) && suffixes.contains(after) { return true }
        var start = index
        while start > 0, isLetter(bytes[start - 1]), index - start < 3 { start -= 1 }
        let wordStart = start == 0 || !isLetter(bytes[start - 1])
        let before = (start..<index).map { bytes[$0] | 0x20 }
        return wordStart && (before.count == 1 || before == [0x71, 0x75])
    }

    private static func score(_ bytes: UnsafeRawBufferPointer, at index: Int, kinds: [LegacyCharacterKind]) -> Int {
        let left = neighbour(bytes, at: index - 1, kinds: kinds)
        let right = neighbour(bytes, at: index + 1, kinds: kinds)
        switch kinds[Int(bytes[index]) - 0x80] {
        case .lower:
            return left.isLetter ? 2 : (right.isLetter ? 1 : -1)
        case .lowerStandalone:
            return left.isLetter ? 2 : 1
        case .upper:
            // A capital after a lowercase letter, or between a capital and a lowercase letter, is mojibake.
            if left == .lower || (left == .upper && right == .lower) { return -3 }
            return 1
        case .rareLetter:
            return left.isLetter && right.isLetter ? 1 : -1
        case .rightSingleQuote:
            // Between letters it is an apostrophe only in the usual places ("State’s", "don’t", "d’Ivoire");
            // elsewhere ("Defensor’a") it is more likely a Mac Roman í.
            if left.isLetter && right.isLetter { return isLikelyApostrophe(bytes, at: index) ? 3 : 1 }
            return left.isLetter || right.isLetter ? 1 : 0
        case .leftSingleQuote:
            return !left.isLetter && right.isLetter ? 2 : -1
        case .leftDoubleQuote:
            return !left.isLetterOrDigit && right.isLetterOrDigit ? 3 : -1
        case .rightDoubleQuote:
            return !right.isLetterOrDigit && left != .space ? 3 : -1
        case .dash:
            if left == .space && right == .space { return 3 }
            return left == .digit && right == .digit ? 2 : 0
        case .neutral: return 0
        case .symbol: return -2
        case .control: return -5
        }
    }
}
