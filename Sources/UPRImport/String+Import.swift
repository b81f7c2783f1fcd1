import Foundation
import UPRDomain

extension String {
    /// The string without leading and trailing white space; cheap when there is none, as in most CSV fields.
    ///
    /// Foundation's `trimmingCharacters(in:)` bridges through `NSString` and was a third of the import time, so ASCII
    /// white space at the edges is trimmed on bytes; other white space at the edges (no-break space) falls back.
    func trimmedWhitespace() -> String {
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last else { return self }
        if first >= 0x80 || last >= 0x80 { return trimmingCharacters(in: .whitespacesAndNewlines) }
        if !Self.isASCIIWhitespace(first) && !Self.isASCIIWhitespace(last) { return self }
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end && Self.isASCIIWhitespace(bytes[start]) { start = bytes.index(after: start) }
        while end > start && Self.isASCIIWhitespace(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        guard start < end else { return "" }
        if bytes[start] >= 0x80 || bytes[bytes.index(before: end)] >= 0x80 {
            return String(self[start..<end]).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return String(self[start..<end])
    }

    /// `TextKey.normalize(self)`, computed on bytes when the text is ASCII (nearly every UPR Info row): the
    /// scalar-by-scalar `CharacterSet` lookups of the general version dominate the import time otherwise.
    func normalizedTextKey() -> String {
        let fast = utf8.withContiguousStorageIfAvailable { bytes -> String?? in
            var needsWork = false
            var previousWasSpace = true
            for byte in bytes {
                if byte >= 0x80 { return .some(nil) }
                let isSpace = Self.isASCIIWhitespace(byte)
                // Only single spaces between words can stay as they are.
                if isSpace && (byte != 0x20 || previousWasSpace) { needsWork = true }
                previousWasSpace = isSpace
            }
            if !needsWork && !previousWasSpace { return .some(self) }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                if Self.isASCIIWhitespace(byte) {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(0x20) }
                    pendingSpace = false
                    out.append(byte)
                }
            }
            return .some(String(decoding: out, as: UTF8.self))
        }
        if case .some(.some(.some(let key))) = fast { return key }
        return TextKey.normalize(self)
    }

    /// The string with numeric character references (`&#40;`, `&#x28;`) replaced by their characters; some UPR Info
    /// rows carry them from the database's web form ("&#40;Unknown&#41;").
    func decodingNumericCharacterReferences() -> String {
        // A byte scan: `contains(_:)` on strings goes through NSString and is slow on 30,000 rows.
        let hasAmpersand =
            utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: "&")) } ?? utf8.contains(UInt8(ascii: "&"))
        guard hasAmpersand else { return self }
        var out = ""
        var rest = self[...]
        while let ampersand = rest.range(of: "&#") {
            out += rest[..<ampersand.lowerBound]
            let afterHash = rest[ampersand.upperBound...]
            guard let semicolon = afterHash.firstIndex(of: ";"),
                afterHash.distance(from: afterHash.startIndex, to: semicolon) <= 8
            else {
                out += "&#"
                rest = afterHash
                continue
            }
            let body = afterHash[..<semicolon]
            let value = body.first == "x" || body.first == "X" ? UInt32(body.dropFirst(), radix: 16) : UInt32(body)
            if let value, let scalar = Unicode.Scalar(value) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "&#" + body + ";"
            }
            rest = afterHash[afterHash.index(after: semicolon)...]
        }
        out += rest
        return out
    }

    /// The string with every run of white space (Unicode White_Space, so tabs, line breaks and no-break spaces too)
    /// made one space, and none at the ends. `TextKey.normalize` does the same through `CharacterSet`, whose lookups
    /// cost more than the whole XML parse of a thematic list.
    func collapsingWhitespace() -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var changed = false
        for scalar in unicodeScalars {
            let isSpace =
                scalar.value < 0x80 ? Self.isASCIIWhitespace(UInt8(scalar.value)) : scalar.properties.isWhitespace
            if isSpace {
                if scalar != " " || pendingSpace || out.isEmpty { changed = true }
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        if pendingSpace { changed = true }
        return changed ? String(out) : self
    }

    /// The string without leading and trailing white space (Unicode-aware, for short strings).
    func trimmingSpaces() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }

    static func isASCIIWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
}
