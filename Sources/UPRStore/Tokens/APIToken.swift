import UPRDomain

/// An API token as the admin page and `upr token list` show it: never its secret, which only its maker saw once.
public struct APIToken: Sendable, Equatable, Codable {
    public var id: Int
    public var organisationID: Int
    public var organisationName: String
    public var organisationKind: OrganisationKind
    public var name: String
    public var scopes: Set<APIScope>
    public var createdBy: String
    public var createdAt: String
    /// The last day the token works; nil for no end.
    public var expiresOn: CalendarDay?
    public var revokedAt: String?
    public var lastUsedAt: String?

    public func state(today: CalendarDay) -> APITokenState {
        APITokenState.of(expiresOn: expiresOn, revoked: revokedAt != nil, today: today)
    }

    /// How the audit log names a write made with the token.
    public var auditName: String { "token \(name) (\(organisationName))" }
}
