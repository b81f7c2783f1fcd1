import Foundation

/// Writes zip archives with stored (uncompressed) entries, to build test .docx files without a zip library.
public enum StoredZip {
    public static func archive(_ entries: [(path: String, data: Data)]) -> Data {
        var out = Data()
        var directory = Data()
        for (path, data) in entries {
            let name = Data(path.utf8)
            let crc = crc32(data)
            let offset = UInt32(out.count)
            // Local file header.
            out.append(le32: 0x0403_4B50)
            appendCommonFields(to: &out, crc: crc, size: data.count, nameLength: name.count)
            out.append(name)
            out.append(data)
            // Central directory entry.
            directory.append(le32: 0x0201_4B50)
            directory.append(le16: 0x031E)
            appendCommonFields(to: &directory, crc: crc, size: data.count, nameLength: name.count)
            directory.append(le16: 0)
            directory.append(le16: 0)
            directory.append(le16: 0)
            directory.append(le32: 0o100644 << 16)
            directory.append(le32: offset)
            directory.append(name)
        }
        let directoryOffset = UInt32(out.count)
        out.append(directory)
        out.append(le32: 0x0605_4B50)
        out.append(le16: 0)
        out.append(le16: 0)
        out.append(le16: UInt16(entries.count))
        out.append(le16: UInt16(entries.count))
        out.append(le32: UInt32(directory.count))
        out.append(le32: directoryOffset)
        out.append(le16: 0)
        return out
    }

    /// The fields a local header and its directory entry share, from "version needed" to "extra field length".
    private static func appendCommonFields(to out: inout Data, crc: UInt32, size: Int, nameLength: Int) {
        out.append(le16: 20)
        out.append(le16: 0x0800)  // UTF-8 names
        out.append(le16: 0)  // stored
        out.append(le16: 0)
        out.append(le16: 0x21)
        out.append(le32: crc)
        out.append(le32: UInt32(size))
        out.append(le32: UInt32(size))
        out.append(le16: UInt16(nameLength))
        out.append(le16: 0)
    }

    private static let crcTable: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 != 0 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    public static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}

extension Data {
    fileprivate mutating func append(le16 value: UInt16) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }

    fileprivate mutating func append(le32 value: UInt32) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
