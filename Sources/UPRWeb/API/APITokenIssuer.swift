import SQLKit
import UPRDomain
import UPRSecurity
import UPRStore

/// Makes API tokens, for the admin page and `upr token create` alike: a random secret, shown once to whoever made
/// it, and only its hash stored.
public enum APITokenIssuer {
    /// The secret's prefix, so that secret scanners and people can tell an UPR Tracker token from other strings.
    static let prefix = "upr_"

    /// A new token in the caller's transaction: its number and its secret, which is never stored or shown again.
    public static func issue(
        organisationID: Int, name: String, scopes: Set<APIScope>, expiresOn: CalendarDay?, today: CalendarDay,
        actor: String, on sql: any SQLDatabase
    ) async throws -> (id: Int, secret: String) {
        let secret = prefix + SecureToken.generate()
        let id = try await APITokenStore(sql).create(
            organisationID: organisationID, name: name, scopes: scopes, expiresOn: expiresOn,
            tokenHash: hash(secret), today: today, actor: actor)
        return (id, secret)
    }

    /// The form the database keeps of a secret (the lower-case hex SHA-256).
    public static func hash(_ secret: String) -> String { SecureToken.hash(secret) }
}
