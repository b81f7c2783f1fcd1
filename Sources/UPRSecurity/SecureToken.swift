import Crypto
import Foundation

/// Random bearer tokens (session ids, password-reset tokens, CSRF secrets) and the hashes stored in their place.
///
/// The database keeps only `hash(token)`: someone who reads a backup or a leaked table cannot use what they read,
/// and a token is looked up by its hash, so no secret is ever compared byte by byte in a query.
public enum SecureToken {
    /// A new token of `byteCount` random bytes in base64url without padding (32 bytes give 43 characters).
    ///
    /// Safe unescaped in URLs, cookies and form fields. `generator` must be cryptographically secure outside tests.
    public static func generate(byteCount: Int = 32, using generator: inout some RandomNumberGenerator) -> String {
        precondition(byteCount > 0, "A token needs at least one byte")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(byteCount)
        for _ in 0..<byteCount { bytes.append(UInt8.random(in: .min ... .max, using: &generator)) }
        return base64URL(bytes)
    }

    /// A new token from the system's cryptographically secure generator (`getrandom`, `arc4random`).
    public static func generate(byteCount: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        return generate(byteCount: byteCount, using: &generator)
    }

    /// The lower-case hex SHA-256 of the token's UTF-8 bytes (64 characters), the form the database stores.
    ///
    /// A fast unsalted hash is enough here, unlike for passwords: tokens carry 256 random bits, so there is nothing
    /// to guess by brute force.
    public static func hash(_ token: String) -> String {
        hex(SHA256.hash(data: Array(token.utf8)))
    }

    /// Lower-case hex, two digits a byte.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 0x10 ? "0" + hex : hex
        }.joined()
    }

    /// True when the two strings have identical UTF-8 bytes, taking time that depends only on their lengths.
    public static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        ConstantTime.equals(lhs, rhs)
    }

    /// RFC 4648 section 5: `-` and `_` instead of `+` and `/`, no `=`.
    static func base64URL(_ bytes: [UInt8]) -> String {
        var text = Data(bytes).base64EncodedString()
        text = text.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        while text.hasSuffix("=") { text.removeLast() }
        return text
    }
}
