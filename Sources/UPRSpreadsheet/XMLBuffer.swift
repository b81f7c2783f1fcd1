/// Builds an XML part as UTF-8 bytes; the sheet of a 5,000-row matrix is megabytes, so no intermediate strings.
public struct XMLBuffer {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
        append(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#)
        append("\n")
    }

    /// Markup, appended as it is.
    public mutating func append(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    public mutating func append(_ number: Int) {
        append(String(number))
    }

    /// Text content or an attribute value, with `&`, `<`, `>` and `"` escaped. The text must already be
    /// sanitized (see `CellText.sanitize`): characters XML forbids are not checked here.
    public mutating func appendEscaped(_ text: String) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "<"): append("&lt;")
            case UInt8(ascii: ">"): append("&gt;")
            case UInt8(ascii: "\""): append("&quot;")
            // A literal line break in an attribute value would be read back as a space.
            case UInt8(ascii: "\n"): append("&#10;")
            case UInt8(ascii: "\t"): append("&#9;")
            default: bytes.append(byte)
            }
        }
    }

    /// An element holding escaped text: `<name>text</name>`.
    public mutating func element(_ name: String, _ text: String) {
        append("<\(name)>")
        appendEscaped(text)
        append("</\(name)>")
    }
}
