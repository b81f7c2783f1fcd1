/// Whether a token may still be used. It works through its expiry day (the day is the last one it works, in UTC)
/// and until it is revoked; neither can be undone, a new token is made instead.
public enum APITokenState: String, Sendable, Hashable {
    case active
    case expired
    case revoked

    public var labelKey: String { "apiToken.state.\(rawValue)" }

    public static func of(expiresOn: CalendarDay?, revoked: Bool, today: CalendarDay) -> APITokenState {
        if revoked { return .revoked }
        if let expiresOn, expiresOn < today { return .expired }
        return .active
    }
}
