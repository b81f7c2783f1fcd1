import Foundation

/// Time-based one-time passwords (RFC 6238), the six-digit codes of authenticator apps.
///
/// `description` and `dump` redact the secret so that logging a `TOTP` does not leak it.
public struct TOTP: Sendable {
    /// Bytes in a generated secret: 160 bits, the length RFC 4226 section 4 recommends.
    public static let secretByteCount = 20

    /// The shared secret; store it encrypted or at least only server-side, never in a cookie.
    public let secret: [UInt8]
    /// Digits in a code, 6 to 8.
    public let digits: Int
    /// Seconds each code is valid for.
    public let period: Int
    /// The HMAC hash.
    public let algorithm: Algorithm

    /// A generator for `secret`; `digits` must be 6...8 and `period` positive (programming errors otherwise).
    public init(secret: [UInt8], digits: Int = 6, period: Int = 30, algorithm: Algorithm = .sha1) {
        // Fewer than 6 digits is guessable; more than 8 overflows the 31-bit truncated HMAC (RFC 4226 5.3).
        precondition((6...8).contains(digits), "TOTP codes have 6 to 8 digits, not \(digits)")
        precondition(period > 0, "A TOTP period is a positive number of seconds, not \(period)")
        self.secret = secret
        self.digits = digits
        self.period = period
        self.algorithm = algorithm
    }

    /// A generator for a Base32 secret as authenticator apps show it; nil when the text is not Base32.
    public init?(base32Secret: String, digits: Int = 6, period: Int = 30, algorithm: Algorithm = .sha1) {
        guard let secret = Base32.decode(base32Secret) else { return nil }
        self.init(secret: secret, digits: digits, period: period, algorithm: algorithm)
    }

    /// The secret in Base32 without padding, for storage or for people who type it into their app.
    public var base32Secret: String { Base32.encode(secret) }

    /// The time-step counter at `date`: whole periods since the Unix epoch (0 for earlier dates).
    public func counter(at date: Date) -> Int {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        // Clamp instead of trapping on dates no clock produces; 1e15 s is some 30 million years.
        guard seconds.isFinite, seconds > 0 else { return 0 }
        return Int(min(seconds, 1e15)) / period
    }

    /// The code for time step `counter` (RFC 4226 HOTP with that counter; a negative counter counts as 0).
    public func code(counter: Int) -> String {
        var bigEndianCounter = UInt64(max(0, counter)).bigEndian
        let message = withUnsafeBytes(of: &bigEndianCounter) { Array($0) }
        let mac = algorithm.authenticationCode(for: message, key: secret)
        // Dynamic truncation (RFC 4226 5.3): the low nibble of the last byte picks four bytes, top bit cleared.
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let truncated =
            UInt32(mac[offset] & 0x7F) << 24 | UInt32(mac[offset + 1]) << 16
            | UInt32(mac[offset + 2]) << 8 | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let value = String(truncated % modulus)
        return String(repeating: "0", count: digits - value.count) + value
    }

    /// The code valid at `date`.
    public func code(at date: Date) -> String {
        code(counter: counter(at: date))
    }

    /// The time-step counter whose code `code` is, looking `window` steps either side of `date`; nil if none.
    ///
    /// Store the returned counter and pass it as `lastUsedCounter` next time: only later steps are then accepted,
    /// so a code seen over someone's shoulder cannot be used again, nor an older one. Spaces and other whitespace
    /// in `code` are ignored ("123 456"). When several steps match, the latest is returned. `window` must be
    /// 0...10; 1 (±30 s) absorbs clock drift and typing time.
    public func verify(_ code: String, at date: Date, window: Int = 1, lastUsedCounter: Int? = nil) -> Int? {
        precondition((0...10).contains(window), "A TOTP window is 0...10 steps, not \(window)")
        let typed = code.unicodeScalars.filter { !$0.properties.isWhitespace }
        guard typed.count == digits, typed.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        let typedBytes = Array(String(String.UnicodeScalarView(typed)).utf8)
        let current = counter(at: date)
        var matched: Int?
        // Every candidate is computed and compared, without stopping at a match, so the time taken does not
        // reveal which step (if any) the code belongs to.
        for candidate in (current - window)...(current + window) where candidate >= 0 {
            let isMatch = ConstantTime.equals(Array(self.code(counter: candidate).utf8), typedBytes)
            let isFresh = lastUsedCounter.map { candidate > $0 } ?? true
            if isMatch && isFresh { matched = candidate }
        }
        return matched
    }

    /// A new random secret of `secretByteCount` bytes from `generator` (inject a seeded one in tests only).
    public static func generateSecret(using generator: inout some RandomNumberGenerator) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(secretByteCount)
        for _ in 0..<secretByteCount { bytes.append(UInt8.random(in: .min ... .max, using: &generator)) }
        return bytes
    }

    /// A new random secret from the system's cryptographically secure generator.
    public static func generateSecret() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return generateSecret(using: &generator)
    }

    /// The `otpauth://` URI that authenticator apps read from a QR code (Google's Key Uri Format).
    ///
    /// The issuer appears both as the label prefix and as the `issuer` parameter, as the format recommends; both
    /// parts are percent-encoded (a colon in either becomes `%3A`, so it cannot be mistaken for the separator).
    public func provisioningURI(issuer: String, account: String) -> String {
        let at: Set<UInt8> = [UInt8(ascii: "@")]
        let label =
            PercentEncoding.encode(issuer, alsoAllowed: at) + ":" + PercentEncoding.encode(account, alsoAllowed: at)
        return
            "otpauth://totp/\(label)?secret=\(base32Secret)&issuer=\(PercentEncoding.encode(issuer, alsoAllowed: at))"
            + "&algorithm=\(algorithm.rawValue)&digits=\(digits)&period=\(period)"
    }
}

extension TOTP: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// A summary without the secret.
    public var description: String { "TOTP(\(algorithm.rawValue), \(digits) digits, \(period) s, secret redacted)" }
    /// The same as `description`: the secret never appears in logs.
    public var debugDescription: String { description }
    /// A mirror without the secret, for `dump`.
    public var customMirror: Mirror {
        Mirror(self, children: ["digits": digits, "period": period, "algorithm": algorithm])
    }
}
