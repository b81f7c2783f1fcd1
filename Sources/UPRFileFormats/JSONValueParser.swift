/// Parses one JSON value from bytes: an element whose end `JSONArrayStream` has found, or, when the input stops
/// inside an element, the part of it that arrived, so that the fault says what was expected where the input ends.
///
/// Recursive descent, with the nesting depth limited so that hostile input (`[[[[…`) cannot exhaust the stack.
/// Lenient in one way real exports need: control characters inside strings (a raw tab or line break) are kept.
struct JSONValueParser {
    /// Where parsing stopped, and what it expected there.
    struct Fault: Error {
        /// What the parser wanted to read next ("“,” or “}” after the value of “Text”").
        var expected: String
        /// What it found instead; nil when the bytes ran out.
        var found: String?
        /// Offset in the parsed bytes.
        var index: Int
        /// The member of the outermost object being read, if any.
        var key: String?

        /// "expected X, found Y", or just "expected X" at the end of the bytes.
        var message: String {
            if let found { return "expected \(expected), found \(found)" }
            return "expected \(expected)"
        }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let maximumDepth: Int
    private var index = 0
    private var depth = 0
    /// The last key read in the outermost object, so that a fault names the field it is in.
    private var topKey: String?
    /// Reused for strings with escapes, so that each one does not allocate anew.
    private var scratch: [UInt8] = []

    private init(_ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    /// The value the bytes hold, which must be all of them (white space aside).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) throws(Fault) -> JSONValue {
        var parser = JSONValueParser(bytes, maximumDepth: maximumDepth)
        let value = try parser.value()
        parser.skipWhitespace()
        guard parser.index == bytes.count else {
            throw parser.fault("the end of the value")
        }
        return value
    }

    // MARK: - Values

    private mutating func value() throws(Fault) -> JSONValue {
        skipWhitespace()
        guard index < bytes.count else { throw fault("a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw fault("a value (a string, a number, an object, an array, true, false or null)")
        }
    }

    private mutating func object() throws(Fault) -> JSONValue {
        try enter()
        index += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw fault(
                    members.isEmpty ? "a member name in double quotes or “}”" : "a member name in double quotes")
            }
            let key = try string()
            if depth == 1 { topKey = key }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw fault("“:” after the member name “\(key)”")
            }
            index += 1
            members[key] = try value()
            skipWhitespace()
            guard index < bytes.count else { throw fault("“,” or “}” after the value of “\(key)”") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                depth -= 1
                return .object(members)
            default: throw fault("“,” or “}” after the value of “\(key)”")
            }
        }
    }

    private mutating func array() throws(Fault) -> JSONValue {
        try enter()
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            elements.append(try value())
            skipWhitespace()
            guard index < bytes.count else { throw fault("“,” or “]” after an array element") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                depth -= 1
                return .array(elements)
            default: throw fault("“,” or “]” after an array element")
            }
        }
    }

    private mutating func enter() throws(Fault) {
        depth += 1
        guard depth <= maximumDepth else {
            throw Fault(
                expected: "at most \(maximumDepth) levels of nested objects and arrays", found: "more", index: index,
                key: topKey)
        }
    }

    private mutating func literal(_ word: StaticString) throws(Fault) {
        let count = word.utf8CodeUnitCount
        for offset in 0..<count {
            let expected = word.utf8Start[offset]
            guard index + offset < bytes.count else { throw fault("“\(word)”", at: index + offset) }
            guard bytes[index + offset] == expected else { throw fault("“\(word)”") }
        }
        index += count
    }

    /// A number's text, checked against JSON's grammar: `-`? digits (`.` digits)? (`e` sign? digits)?.
    private mutating func number() throws(Fault) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        // A leading zero stands alone: `01` is not a number.
        if index < bytes.count && bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            guard skipDigits() else { throw fault("a digit in a number") }
        }
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard skipDigits() else { throw fault("a digit after the decimal point") }
        }
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
                index += 1
            }
            guard skipDigits() else { throw fault("a digit in the exponent") }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    private mutating func skipDigits() -> Bool {
        let start = index
        while index < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        return index > start
    }

    // MARK: - Strings

    /// A string from its opening quote (at `index`) to its closing one, escapes decoded.
    private mutating func string() throws(Fault) -> String {
        index += 1
        let start = index
        var highBits: UInt8 = 0
        // Most strings have no escape: find the closing quote and decode the bytes between in one go.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                if highBits < 0x80 { return String(decoding: text, as: UTF8.self) }
                guard let decoded = Self.validatedString(text) else { throw notUTF8(at: start) }
                return decoded
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            highBits |= byte
            index += 1
        }
        throw fault("the end of a string (a closing “\"”)")
    }

    private mutating func escapedString(from start: Int) throws(Fault) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                let text = scratch.withUnsafeBufferPointer { Self.validatedString($0) }
                guard let text else { throw notUTF8(at: start) }
                return text
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw fault("an escaped character after “\\”") }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escaped)
                case UInt8(ascii: "b"): scratch.append(0x08)
                case UInt8(ascii: "f"): scratch.append(0x0C)
                case UInt8(ascii: "n"): scratch.append(0x0A)
                case UInt8(ascii: "r"): scratch.append(0x0D)
                case UInt8(ascii: "t"): scratch.append(0x09)
                case UInt8(ascii: "u"):
                    let scalar = try unicodeEscape()
                    scratch.append(contentsOf: String(Character(scalar)).utf8)
                default:
                    index -= 1
                    throw fault("one of \" \\ / b f n r t u after “\\”")
                }
            default:
                scratch.append(byte)
                index += 1
            }
        }
        throw fault("the end of a string (a closing “\"”)")
    }

    /// The character of `\uXXXX` (just after its `u`), a surrogate pair read as one; a lone surrogate is U+FFFD.
    private mutating func unicodeEscape() throws(Fault) -> Unicode.Scalar {
        let first = try hexQuad()
        if (0xD800...0xDBFF).contains(first), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
            bytes[index + 1] == UInt8(ascii: "u")
        {
            index += 2
            let second = try hexQuad()
            if (0xDC00...0xDFFF).contains(second) {
                return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) ?? "\u{FFFD}"
            }
            // Not a pair: the first is lost, the second stands on its own.
            return Unicode.Scalar(second) ?? "\u{FFFD}"
        }
        return Unicode.Scalar(first) ?? "\u{FFFD}"
    }

    private mutating func hexQuad() throws(Fault) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw fault("four hexadecimal digits after “\\u”") }
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fault("four hexadecimal digits after “\\u”")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// The text, or nil when it is not UTF-8 (a file saved in another encoding).
    private static func validatedString(_ text: UnsafeBufferPointer<UInt8>) -> String? {
        guard LegacyTextDecoding.isValidUTF8(UnsafeRawBufferPointer(text)) else { return nil }
        return String(decoding: text, as: UTF8.self)
    }

    private func notUTF8(at start: Int) -> Fault {
        Fault(expected: "UTF-8 text in a string", found: "bytes that are not UTF-8", index: start, key: topKey)
    }

    // MARK: - Helpers

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private func fault(_ expected: String, at position: Int? = nil) -> Fault {
        let position = position ?? index
        return Fault(
            expected: expected, found: position < bytes.count ? Self.describe(bytes[position]) : nil, index: position,
            key: topKey)
    }

    /// A byte as a message shows it: the character when it is printable ASCII, else its value.
    static func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "“\(Character(Unicode.Scalar(byte)))”" : "byte 0x" + String(byte, radix: 16)
    }
}
