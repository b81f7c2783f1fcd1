import Crypto
import Foundation

/// The Content-Security-Policy of every response: nothing loads from elsewhere, pages may not be framed, forms post
/// only here. Inline styles and scripts are refused, except a style named by its hash for the one document that must
/// carry its style inside it (the mid-term report's HTML, which is also saved and opened as a file).
public enum ContentSecurityPolicy {
    /// The site's policy.
    public static let site = policy(styleSources: ["'self'"])

    /// The site's policy, also allowing exactly one inline `<style>` element whose content is `css`.
    public static func allowingInlineStyle(_ css: String) -> String {
        policy(styleSources: ["'self'", sourceHash(css)])
    }

    /// A CSP hash source: `'sha256-` + the base64 SHA-256 of the UTF-8 text + `'` (CSP Level 2, section 4.2).
    public static func sourceHash(_ text: String) -> String {
        "'sha256-" + Data(SHA256.hash(data: Array(text.utf8))).base64EncodedString() + "'"
    }

    private static func policy(styleSources: [String]) -> String {
        "default-src 'self'; img-src 'self' data:; style-src " + styleSources.joined(separator: " ")
            + "; script-src 'self'; frame-ancestors 'none'; form-action 'self'"
    }
}
