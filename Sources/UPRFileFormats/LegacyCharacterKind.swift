/// How a character decoded from a legacy byte is judged in context when guessing the encoding.
enum LegacyCharacterKind: Sendable {
    /// A common lowercase letter (é, ö, ç).
    case lower
    /// `à`, the one accented letter that stands alone as a word (French "vis-à-vis").
    case lowerStandalone
    /// An uppercase letter.
    case upper
    /// A letter rare in the texts these files hold (š, ž, ƒ, ı, π); plausible only inside a word.
    case rareLetter
    /// ’, an apostrophe or closing quote.
    case rightSingleQuote
    /// ‘
    case leftSingleQuote
    /// “ or „
    case leftDoubleQuote
    /// ”
    case rightDoubleQuote
    /// – or —
    case dash
    /// Punctuation that fits almost anywhere: …, «, », °, §, £, €, no-break space.
    case neutral
    /// A symbol that does not belong in running text (‡, ™, ≠, ˆ).
    case symbol
    /// An unassigned byte or a private-use character.
    case control

    /// The kind of a decoded character.
    init(_ scalar: Unicode.Scalar) {
        switch scalar.value {
        case 0x2019: self = .rightSingleQuote
        case 0x2018: self = .leftSingleQuote
        case 0x201C, 0x201E: self = .leftDoubleQuote
        case 0x201D: self = .rightDoubleQuote
        case 0x2013, 0x2014: self = .dash
        case 0x2026, 0x00A0, 0x00AB, 0x00BB, 0x00B0, 0x00A7, 0x00A3, 0x20AC, 0x00A2, 0x00A5, 0x00A9, 0x00AE, 0x00B7,
            0x2022, 0x00BF, 0x00A1, 0x00D7, 0x00B2, 0x00B3, 0x00B9, 0x00BC, 0x00BD, 0x00BE:
            self = .neutral
        case 0x00E0: self = .lowerStandalone
        case 0x0160, 0x0161, 0x017D, 0x017E, 0x0178, 0x00FF, 0x0192, 0x0131, 0x03C0, 0x03A9, 0x00B5, 0xFB01, 0xFB02,
            0x00AA, 0x00BA, 0x00F0, 0x00D0, 0x00FE, 0x00DE:
            self = .rareLetter
        case 0..<0xA0, 0xE000...0xF8FF: self = .control
        default:
            if scalar.properties.isLowercase {
                self = .lower
            } else if scalar.properties.isUppercase {
                self = .upper
            } else {
                self = .symbol
            }
        }
    }
}
