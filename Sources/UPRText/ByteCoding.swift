/// Little-endian writer for the model file: fixed-width numbers, LEB128 varints, length-prefixed strings.
struct ByteWriter {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []

    mutating func write(_ value: UInt8) { bytes.append(value) }

    mutating func write(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
    }

    mutating func write(_ value: Float) { write(value.bitPattern) }

    mutating func writeVarint(_ value: Int) {
        var rest = UInt64(value)
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func write(_ text: String) {
        writeVarint(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    mutating func write(raw: [UInt8]) { bytes.append(contentsOf: raw) }
}

/// Reader matching `ByteWriter`; every read checks bounds and throws instead of trapping on a damaged file.
struct ByteReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func readByte() throws -> UInt8 {
        guard offset < bytes.count else { throw ModelFileError.truncated }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func readUInt32() throws -> UInt32 {
        var value: UInt32 = 0
        for shift in stride(from: 0, to: 32, by: 8) { value |= UInt32(try readByte()) << shift }
        return value
    }

    mutating func readFloat() throws -> Float { Float(bitPattern: try readUInt32()) }

    mutating func readVarint() throws -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
            guard shift < 63 else { throw ModelFileError.malformed("varint too long") }
        }
        guard value <= UInt64(Int32.max) else { throw ModelFileError.malformed("count out of range") }
        return Int(value)
    }

    mutating func readString() throws -> String {
        let length = try readVarint()
        guard offset + length <= bytes.count else { throw ModelFileError.truncated }
        defer { offset += length }
        return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
    }

    mutating func readRaw(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, offset + count <= bytes.count else { throw ModelFileError.truncated }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }
}

/// Why a model file could not be read.
public enum ModelFileError: Error, Sendable, Equatable {
    /// The file ends early.
    case truncated
    /// The file is not a UPRText model or not this version.
    case badHeader
    /// A field holds an impossible value.
    case malformed(String)
    /// The shipped model is missing from the bundle.
    case notBundled
}
