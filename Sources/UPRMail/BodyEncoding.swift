import Foundation

/// Content-Transfer-Encoding of a text/plain UTF-8 body. Quoted-printable keeps English readable in the raw mail;
/// base64 is a third the size for Cyrillic (two bytes a letter, six characters each in quoted-printable). The
/// shorter of the two is used.
public enum BodyEncoding: String, Sendable {
    case quotedPrintable = "quoted-printable"
    case base64

    /// The encoded body with CRLF line endings and lines of at most 76 characters.
    public static func encode(_ text: String) -> (encoding: BodyEncoding, body: String) {
        let normalized = normalizeLineEndings(text)
        let qp = quotedPrintable(normalized)
        let b64 = base64(normalized)
        return qp.utf8.count <= b64.utf8.count ? (.quotedPrintable, qp) : (.base64, b64)
    }

    /// Every line ending (CRLF, CR or LF) as CRLF.
    public static func normalizeLineEndings(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
    }

    /// RFC 2045 §6.7: printable ASCII as is except `=`; other bytes as `=XX`; a space or tab before a line break
    /// encoded; soft line breaks (`=` at the end) keep every line at 76 characters or fewer.
    public static func quotedPrintable(_ text: String) -> String {
        var out = ""
        let lines = text.components(separatedBy: "\r\n")
        for (index, line) in lines.enumerated() {
            let bytes = Array(line.utf8)
            var current = ""
            for (position, byte) in bytes.enumerated() {
                let isLast = position == bytes.count - 1
                let token: String
                if (byte == 32 || byte == 9) && isLast {
                    token = hex(byte)
                } else if (byte >= 33 && byte <= 126 && byte != 61) || byte == 32 || byte == 9 {
                    token = String(UnicodeScalar(byte))
                } else {
                    token = hex(byte)
                }
                // 75 characters plus the soft break's `=` make 76.
                if current.utf8.count + token.utf8.count > (isLast ? 76 : 75) {
                    out += current + "=\r\n"
                    current = ""
                }
                current += token
            }
            out += current
            if index < lines.count - 1 { out += "\r\n" }
        }
        return out
    }

    /// Base64 in lines of 76 characters.
    public static func base64(_ text: String) -> String {
        Data(text.utf8).base64EncodedString(options: [
            .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
        ])
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "=" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }
}
