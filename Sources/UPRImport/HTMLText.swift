/// The text of an HTML fragment, as the UHRI JSON export writes its `Text` (`<p>186.28 Continue…&nbsp;…</p>`).
///
/// Not an HTML parser: UHRI texts are paragraphs, line breaks and lists with a few inline tags. Tags are dropped,
/// block ends (`</p>`, `<br>`, `</li>`…) become line breaks, comments and the content of `script` and `style` go,
/// character references are decoded, and each line's white space is collapsed. A `<` that starts no tag is text.
enum HTMLText {
    /// Elements whose start or end breaks the line.
    private static let blocks: Set<String> = [
        "p", "br", "div", "li", "ul", "ol", "tr", "table", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    ]

    static func plainText(_ html: String) -> String {
        let bytes = Array(html.utf8)
        guard bytes.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) else {
            return lines(bytes)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<"), let end = tagEnd(bytes, from: index) {
                let name = tagName(bytes, from: index + 1, to: end)
                let closing = bytes[index + 1] == UInt8(ascii: "/")
                if blocks.contains(name) { out.append(0x0A) }
                index = end
                if name == "script" || name == "style", !closing {
                    index = skipContent(of: name, in: bytes, from: index)
                }
                continue
            }
            if byte == UInt8(ascii: "<"), bytes[index...].starts(with: Array("<!--".utf8)) {
                index = find(Array("-->".utf8), in: bytes, from: index + 4).map { $0 + 3 } ?? bytes.count
                continue
            }
            if byte == UInt8(ascii: "&"), let (scalar, next) = reference(bytes, at: index) {
                out.append(contentsOf: String(Character(scalar)).utf8)
                index = next
                continue
            }
            out.append(byte)
            index += 1
        }
        return lines(out)
    }

    /// The text with each line's white space collapsed to single spaces (a no-break space is white space) and
    /// empty lines dropped. On bytes: splitting a 400 MB export's texts into `Character`s cost more than reading it.
    private static func lines(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var pendingBreak = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                pendingBreak = !out.isEmpty
                pendingSpace = false
                index += 1
                continue
            }
            let width = whitespaceWidth(bytes, at: index)
            if width > 0 {
                pendingSpace = !out.isEmpty && !pendingBreak
                index += width
                continue
            }
            if pendingBreak {
                out.append(0x0A)
            } else if pendingSpace {
                out.append(0x20)
            }
            pendingBreak = false
            pendingSpace = false
            out.append(byte)
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// How many bytes the white-space character at `index` takes (not counting line ends), 0 if it is none:
    /// ASCII blanks and every other character of Unicode's White_Space in its UTF-8 form.
    private static func whitespaceWidth(_ bytes: [UInt8], at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C ? 1 : 0 }
        func next(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
        switch byte {
        case 0xC2: return next(1) == 0x85 || next(1) == 0xA0 ? 2 : 0  // U+0085, U+00A0
        case 0xE1: return next(1) == 0x9A && next(2) == 0x80 ? 3 : 0  // U+1680
        case 0xE2:
            // U+2000–U+200A, U+2028, U+2029, U+202F, U+205F.
            if next(1) == 0x80, (0x80...0x8A).contains(next(2)) || [0xA8, 0xA9, 0xAF].contains(next(2)) { return 3 }
            return next(1) == 0x81 && next(2) == 0x9F ? 3 : 0
        case 0xE3: return next(1) == 0x80 && next(2) == 0x80 ? 3 : 0  // U+3000
        default: return 0
        }
    }

    // MARK: - Tags

    /// The index after the `>` of a tag starting at `start`, or nil when `<` starts no tag (`a < b`, a comment).
    private static func tagEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        let next = start + 1
        guard next < bytes.count else { return nil }
        let first = bytes[next]
        let opensTag =
            isLetter(first) || (first == UInt8(ascii: "/") && next + 1 < bytes.count && isLetter(bytes[next + 1]))
        guard opensTag else { return nil }
        var quote: UInt8?
        var index = next
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index + 1
            }
            index += 1
        }
        return nil
    }

    /// The lower-case name of the tag whose text runs from after `<` to its end.
    private static func tagName(_ bytes: [UInt8], from start: Int, to end: Int) -> String {
        var index = start
        if index < end && bytes[index] == UInt8(ascii: "/") { index += 1 }
        var name: [UInt8] = []
        while index < end, isLetter(bytes[index]) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            name.append(bytes[index] | 0x20)
            index += 1
        }
        return String(decoding: name, as: UTF8.self)
    }

    /// The index after `</name>`, or the end when it never comes.
    private static func skipContent(of name: String, in bytes: [UInt8], from start: Int) -> Int {
        let closing = Array("</\(name)".utf8)
        var index = start
        while let found = find(closing, in: bytes, from: index, ignoringCase: true) {
            if let end = tagEnd(bytes, from: found) { return end }
            index = found + 1
        }
        return bytes.count
    }

    private static func find(
        _ needle: [UInt8], in bytes: [UInt8], from start: Int, ignoringCase: Bool = false
    ) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            var matches = true
            for offset in needle.indices {
                let a = bytes[index + offset]
                let b = needle[offset]
                if a != b && !(ignoringCase && isLetter(a) && a | 0x20 == b | 0x20) {
                    matches = false
                    break
                }
            }
            if matches { return index }
            index += 1
        }
        return nil
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    // MARK: - Character references

    /// The character of `&name;`, `&#NN;` or `&#xHH;` at `start`, and the index after its `;`.
    private static func reference(_ bytes: [UInt8], at start: Int) -> (Unicode.Scalar, Int)? {
        let limit = min(bytes.count, start + 12)
        guard let semicolon = (start + 1..<limit).first(where: { bytes[$0] == UInt8(ascii: ";") }),
            semicolon > start + 1
        else { return nil }
        let body = String(decoding: bytes[(start + 1)..<semicolon], as: UTF8.self)
        let value: UInt32?
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            value = UInt32(body.dropFirst(2), radix: 16)
        } else if body.hasPrefix("#") {
            value = UInt32(body.dropFirst())
        } else {
            value = entities[body]
        }
        guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, semicolon + 1)
    }
}
