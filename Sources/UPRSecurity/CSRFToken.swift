/// Per-session synchroniser tokens against cross-site request forgery.
///
/// At sign-in make one with `generate()`, put `value` in the session's server-side record (or only `hash`, where
/// the database keeps hashes) and into every form as a hidden field; on each unsafe request check the submitted
/// field with `matches`. A forged cross-site form cannot know the value.
public struct CSRFToken: Sendable {
    /// The token that goes into forms.
    public let value: String

    /// Wraps an existing token value.
    public init(value: String) {
        self.value = value
    }

    /// A new token of 32 random bytes from `generator`.
    public static func generate(using generator: inout some RandomNumberGenerator) -> CSRFToken {
        CSRFToken(value: SecureToken.generate(byteCount: 32, using: &generator))
    }

    /// A new token of 32 random bytes from the system's secure generator.
    public static func generate() -> CSRFToken {
        CSRFToken(value: SecureToken.generate(byteCount: 32))
    }

    /// The hex SHA-256 of `value`, for a database that stores only hashes.
    public var hash: String { SecureToken.hash(value) }

    /// True when `submitted` equals `expected`, compared in constant time; a missing or empty token on either side
    /// never matches, so a session without a token cannot be satisfied by an empty field.
    public static func matches(submitted: String?, expected: String) -> Bool {
        guard let submitted, !submitted.isEmpty, !expected.isEmpty else { return false }
        return ConstantTime.equals(submitted, expected)
    }

    /// True when the SHA-256 of `submitted` equals `expectedHash` (as stored), compared in constant time.
    public static func matches(submitted: String?, expectedHash: String) -> Bool {
        guard let submitted, !submitted.isEmpty, !expectedHash.isEmpty else { return false }
        // Hex from `SecureToken.hash` is lower case; a hash stored upper case by hand still matches.
        return ConstantTime.equals(SecureToken.hash(submitted), expectedHash.lowercased())
    }
}

extension CSRFToken: CustomStringConvertible {
    /// A placeholder: the token is a secret and must not reach logs.
    public var description: String { "CSRFToken(redacted)" }
}
