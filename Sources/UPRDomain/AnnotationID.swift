/// The identifier OHCHR gives each annotation of the Universal Human Rights Index: a GUID, the record's stable key
/// when the same export is imported again.
public struct AnnotationID: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Lower-case hexadecimal in 8-4-4-4-12 groups, the form every source is brought to.
    public let value: String

    /// Reads a GUID as exports print it: any case, with or without braces or hyphens; nil for anything else.
    public init?(parsing raw: String) {
        // On bytes: a re-import reads 267,548 of them.
        var digits: [UInt8] = []
        digits.reserveCapacity(32)
        var bytes = Array(raw.utf8)[...]
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        if bytes.first == UInt8(ascii: "{") && bytes.last == UInt8(ascii: "}") { bytes = bytes.dropFirst().dropLast() }
        for byte in bytes where byte != UInt8(ascii: "-") {
            guard let digit = Self.lowercaseHexDigit(byte), digits.count < 32 else { return nil }
            digits.append(digit)
        }
        guard digits.count == 32 else { return nil }
        // Hyphens are accepted anywhere above, but only the canonical grouping is ever produced.
        for position in [20, 16, 12, 8] { digits.insert(UInt8(ascii: "-"), at: position) }
        value = String(decoding: digits, as: UTF8.self)
    }

    public var description: String { value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let parsed = AnnotationID(parsing: raw) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a GUID: \(raw)")
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    /// The digit in lower case, or nil when the byte is no hexadecimal digit.
    private static func lowercaseHexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39, 0x61...0x66: byte
        case 0x41...0x46: byte | 0x20
        default: nil
        }
    }
}
