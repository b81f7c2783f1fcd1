import UPRDomain
import Vapor  // for Crypto's SHA256

/// The form in which a natural key is stored and indexed. A key built from a paragraph number is short and kept
/// as it is ("Mongolia|s9|para:84.1"); a key built from a normalised text would copy the whole text into the
/// table and its unique index, so beyond 64 bytes it becomes its state-and-review prefix plus a 128-bit digest
/// of the whole key — still unique for every practical purpose, and a quarter of the size.
enum StoredKey {
    static let longest = 64

    static func of(_ naturalKey: String) -> String {
        var key = naturalKey
        // Byte by byte: an import computes this for every record.
        return key.withUTF8 { bytes -> String in
            guard bytes.count > longest else { return naturalKey }
            var out: [UInt8] = []
            out.reserveCapacity(longest)
            var separators = 0
            for byte in bytes {
                out.append(byte)
                if byte == UInt8(ascii: "|") {
                    separators += 1
                    if separators == 2 { break }
                }
            }
            if separators < 2 { out.removeAll(keepingCapacity: true) }
            out.append(contentsOf: "sha256:".utf8)
            for byte in SHA256.hash(data: UnsafeRawBufferPointer(bytes)).prefix(16) {
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
