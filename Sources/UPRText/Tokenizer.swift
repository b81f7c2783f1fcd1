import Foundation

/// Turns text into the normalised word tokens every model in this module sees.
///
/// The rules are written so that a few lines of Python reproduce them exactly (see
/// `benchmarks/text/sklearn_baseline.py`), which is what lets the all-pairs benchmark compare pair sets for
/// identity: each scalar is NFKD-decomposed, combining marks (non-zero combining class) are dropped, the rest is
/// lowercased; letters, numbers and the remaining marks make words, anything else separates them; words of one
/// scalar are dropped.
public enum Tokenizer {
    /// Normalised tokens of `text`, optionally without English stop words.
    public static func tokens(_ text: String, droppingStopWords: Bool = false) -> [String] {
        var out: [String] = []
        forEachToken(text) { token in
            if !droppingStopWords || !StopWords.english.contains(token) { out.append(token) }
        }
        return out
    }

    /// The folded form of `text` (accents removed, lowercased), with every separator run replaced by one space.
    public static func normalize(_ text: String) -> String {
        tokens(text).joined(separator: " ")
    }

    /// Calls `body` with each token in order; the single pass shared by every caller.
    static func forEachToken(_ text: String, _ body: (String) -> Void) {
        var text = text
        let handled = text.withUTF8 { bytes -> Bool in
            // Pure ASCII (most recommendations): bytes are scalars, so cut tokens straight from the buffer.
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return false }
            var token: [UInt8] = []
            token.reserveCapacity(32)
            for byte in bytes {
                switch byte {
                case 0x61...0x7A, 0x30...0x39: token.append(byte)
                case 0x41...0x5A: token.append(byte + 0x20)
                default:
                    if token.count >= 2 { body(String(decoding: token, as: UTF8.self)) }
                    token.removeAll(keepingCapacity: true)
                }
            }
            if token.count >= 2 { body(String(decoding: token, as: UTF8.self)) }
            return true
        }
        if handled { return }
        var current = String.UnicodeScalarView()
        var length = 0
        @inline(__always) func flush() {
            if length >= 2 { body(String(current)) }
            current.removeAll(keepingCapacity: true)
            length = 0
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                // ASCII fast path: no decomposition, no combining marks.
                switch value {
                case 0x61...0x7A, 0x30...0x39:
                    current.append(scalar)
                    length += 1
                case 0x41...0x5A:
                    current.append(Unicode.Scalar(value + 0x20)!)
                    length += 1
                default:
                    flush()
                }
                continue
            }
            for decomposed in String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars
            where decomposed.properties.canonicalCombiningClass == .notReordered {
                for lowered in decomposed.properties.lowercaseMapping.unicodeScalars {
                    if isWordScalar(lowered) {
                        current.append(lowered)
                        length += 1
                    } else {
                        flush()
                    }
                }
            }
        }
        flush()
    }

    /// Letters, numbers and marks make words (Unicode general categories L, N, M).
    @inline(__always) static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber,
            .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }
}
