import Crypto
import Foundation

/// The signature of a webhook delivery (issue 17), in the `UPR-Signature` header: `t=UNIX,v1=HEX`, where `HEX` is the
/// lower-case hex HMAC-SHA256, keyed with the hook's secret, of the timestamp, a dot and the body exactly as sent.
/// The timestamp is inside what is signed, so a receiver that refuses old timestamps also refuses a replayed
/// delivery; it is the time of the attempt, so a retry is signed afresh.
public enum WebhookSignature {
    /// The header's value for `body` sent at `timestamp`.
    public static func header(secret: String, timestamp: Int, body: String) -> String {
        "t=\(timestamp),v1=\(mac(secret: secret, timestamp: timestamp, body: body))"
    }

    /// The hex HMAC of `timestamp.body`.
    public static func mac(secret: String, timestamp: Int, body: String) -> String {
        let key = SymmetricKey(data: Array(secret.utf8))
        let code = HMAC<SHA256>.authenticationCode(for: Array("\(timestamp).\(body)".utf8), using: key)
        return SecureToken.hex(code)
    }

    /// What a receiver does: true when `header` signs `body` with `secret` and its timestamp is at most `tolerance`
    /// seconds from `now` (either way, for clocks that disagree a little).
    public static func verify(
        header: String, body: String, secret: String, now: Date = Date(), tolerance: TimeInterval = 300
    ) -> Bool {
        var timestamp: Int?
        var signatures: [String] = []
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            if pair[0] == "t" { timestamp = Int(pair[1]) }
            if pair[0] == "v1" { signatures.append(pair[1]) }
        }
        guard let timestamp, abs(now.timeIntervalSince1970 - Double(timestamp)) <= tolerance else { return false }
        let expected = mac(secret: secret, timestamp: timestamp, body: body)
        return signatures.contains { ConstantTime.equals($0, expected) }
    }
}
