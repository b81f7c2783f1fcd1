import Foundation

/// The emailed password-reset link and how long its token stays valid.
///
/// Store only `SecureToken.hash(token)` with the time it was issued; the token itself exists only in the email.
/// Accept it once (delete the row on use), and only while `isValid` holds.
public enum ResetLink {
    /// One hour: long enough for the email to arrive and be read, short enough that a link found later in an
    /// old mailbox or a forwarded message is useless.
    public static let lifetime: TimeInterval = 60 * 60

    /// The path the link points to, with the token as its last component: the route `password-reset/:token`.
    public static let path = "/password-reset"

    /// `baseURL` (scheme and host, with or without a trailing slash) followed by `path` and the token.
    ///
    /// The token is in the path rather than the query so that it is one route parameter; the reset page should
    /// still send `Referrer-Policy: no-referrer` so the link does not leak to other sites.
    public static func make(baseURL: String, token: String) -> String {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + path + "/" + PercentEncoding.encode(token)
    }

    /// The moment a token issued at `issuedAt` stops working.
    public static func expiry(issuedAt: Date) -> Date {
        issuedAt.addingTimeInterval(lifetime)
    }

    /// True while a token issued at `issuedAt` may still be used at `now` (not before it was issued, either:
    /// a future issue date means a broken clock or a forged row).
    public static func isValid(issuedAt: Date, now: Date) -> Bool {
        issuedAt <= now && now < expiry(issuedAt: issuedAt)
    }
}
