import Foundation

/// A server reply: its three-digit code and its text lines (a multi-line reply has several).
public struct SMTPReply: Sendable, Equatable {
    public var code: Int
    public var lines: [String]

    /// The text of all lines, joined, for error messages.
    public var message: String { lines.joined(separator: " ").trimmingCharacters(in: .whitespaces) }

    public var isPositive: Bool { (200..<400).contains(code) }

    /// Parses one line of a reply: `250-SIZE 1000` (more to come) or `250 OK` (last); nil when it is not a reply line.
    static func parseLine(_ line: String) -> (code: Int, isLast: Bool, text: String)? {
        let bytes = Array(line.utf8)
        guard bytes.count >= 3, bytes[0...2].allSatisfy({ $0 >= 48 && $0 <= 57 }),
            let code = Int(String(decoding: bytes[0...2], as: UTF8.self)), (200..<600).contains(code)
        else { return nil }
        if bytes.count == 3 { return (code, true, "") }
        guard bytes[3] == 32 || bytes[3] == 45 else { return nil }
        return (code, bytes[3] == 32, String(decoding: bytes[4...], as: UTF8.self))
    }
}
