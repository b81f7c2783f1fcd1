import Foundation

/// Header text as RFC 5322 and RFC 2047 want it: ASCII stays readable, anything else (Mongolian Cyrillic) becomes
/// `=?UTF-8?B?…?=` encoded words, each short enough for a 78-character line and never splitting a character.
public enum HeaderEncoding {
    /// Bytes of UTF-8 per encoded word: 42 bytes are 56 base64 characters, 68 with the `=?UTF-8?B?` `?=` frame, so
    /// even the first word fits after `Subject: ` on a 78-character line.
    static let bytesPerWord = 42

    /// An unstructured header value (Subject): as is when it is short printable ASCII, else encoded words folded
    /// onto continuation lines. Line breaks in the input become spaces, so a value can never start a new header.
    public static func unstructured(_ text: String) -> String {
        let flat = text.map { $0.isNewline ? " " : String($0) }.joined()
        if flat.utf8.allSatisfy({ $0 >= 32 && $0 < 127 }) && flat.utf8.count <= 900 {
            return flat
        }
        return encodedWords(flat).joined(separator: "\r\n ")
    }

    /// A display name: a quoted string when ASCII, else encoded words.
    public static func phrase(_ text: String) -> String {
        let flat = text.map { $0.isNewline ? " " : String($0) }.joined()
        if flat.utf8.allSatisfy({ $0 >= 32 && $0 < 127 }) {
            let escaped = flat.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"" + escaped + "\""
        }
        return encodedWords(flat).joined(separator: " ")
    }

    /// RFC 2047 B-encoded words, split between characters (grapheme clusters stay whole when they fit).
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if !chunk.isEmpty && chunk.count + bytes.count > bytesPerWord {
                words.append(word(chunk))
                chunk = []
            }
            chunk.append(contentsOf: bytes)
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words
    }

    private static func word(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }
}
