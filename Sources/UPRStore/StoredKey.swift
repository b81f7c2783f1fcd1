import UPRDomain
import Vapor  // for Crypto's SHA256

/// The form in which a natural key is stored and indexed. A key built from a paragraph number is short and kept
/// as it is ("Mongolia|s9|para:84.1"); a key built from a normalised text would copy the whole text into the
/// table and its unique index, so beyond 64 bytes it becomes its state-and-review prefix plus a 128-bit digest
/// of the whole key — still unique for every practical purpose, and a quarter of the size.
enum StoredKey {
    static let longest = 64

    static func of(_ naturalKey: String) -> String {
        guard naturalKey.utf8.count > longest else { return naturalKey }
        let digest = SHA256.hash(data: Array(naturalKey.utf8)).prefix(16).map { byte in
            String(byte, radix: 16).leftPadded(to: 2)
        }
        return prefix(of: naturalKey) + "sha256:" + digest.joined()
    }

    /// "State|review|" of a key: everything up to and including its second separator.
    private static func prefix(of key: String) -> String {
        var separators = 0
        var end = key.startIndex
        for index in key.indices where key[index] == "|" {
            separators += 1
            if separators == 2 {
                end = key.index(after: index)
                break
            }
        }
        return separators == 2 ? String(key[..<end]) : ""
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
