/// Text made safe for HTML element content and quoted attribute values, for the few parts of a page that are built
/// in Swift rather than by Leaf. Escapes the same five characters as Leaf's `#()`, byte by byte (all five are ASCII,
/// so UTF-8 text passes through untouched).
struct HTMLText {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Appends markup as it is.
    mutating func raw(_ markup: String) { bytes.append(contentsOf: markup.utf8) }

    /// Appends text, escaped.
    mutating func text(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() {
                let replacement: StaticString
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                bytes.append(contentsOf: utf8[start..<index])
                bytes.append(
                    contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                start = index + 1
            }
            bytes.append(contentsOf: utf8[start...])
        }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
