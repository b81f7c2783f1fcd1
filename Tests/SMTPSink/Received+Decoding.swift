import Foundation

/// Reading a received mail back, written independently of the product's encoder so that the tests check it.
extension SMTPSink.Received {
    /// The header lines (continuation lines unfolded) before the first empty line.
    public var headers: [(name: String, value: String)] {
        var out: [(String, String)] = []
        for line in data.components(separatedBy: "\r\n") {
            if line.isEmpty { break }
            if line.hasPrefix(" ") || line.hasPrefix("\t"), let last = out.popLast() {
                out.append((last.0, last.1 + line))
            } else if let colon = line.firstIndex(of: ":") {
                out.append(
                    (
                        String(line[..<colon]),
                        String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
                    )
                )
            }
        }
        return out
    }

    /// The first header of that name (case-insensitive), unfolded but not decoded.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The Subject with RFC 2047 encoded words decoded (whitespace between adjacent words dropped, as the RFC says).
    public var subject: String? {
        header("Subject").map(Self.decodeWords)
    }

    /// The body, decoded from its Content-Transfer-Encoding, with LF line endings.
    public var text: String {
        guard let split = data.range(of: "\r\n\r\n") else { return "" }
        let raw = String(data[split.upperBound...])
        let encoding = header("Content-Transfer-Encoding")?.lowercased() ?? "7bit"
        let bytes: [UInt8]
        switch encoding {
        case "base64":
            bytes = Array(Data(base64Encoded: raw.replacingOccurrences(of: "\r\n", with: "")) ?? Data())
        case "quoted-printable":
            bytes = Self.decodeQuotedPrintable(raw)
        default:
            bytes = Array(raw.utf8)
        }
        return String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }

    public static func decodeQuotedPrintable(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        let bytes = Array(text.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "="), index + 2 < bytes.count,
                let value = UInt8(String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                out.append(value)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }

    static func decodeWords(_ value: String) -> String {
        let pattern = /=\?[Uu][Tt][Ff]-8\?[Bb]\?([A-Za-z0-9+\/=]*)\?=/
        guard value.contains(pattern) else { return value }
        var bytes: [UInt8] = []
        for match in value.matches(of: pattern) {
            bytes += Array(Data(base64Encoded: String(match.1)) ?? Data())
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
