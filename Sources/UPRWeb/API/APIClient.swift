import UPRDomain
import UPRStore
import Vapor

/// The organisation behind an API request's `Authorization: Bearer …` token, as the permission rules see it.
struct APIClient: Sendable {
    var token: APIToken
    var principal: Principal

    /// The challenge of a 401 or 403 (RFC 6750): the realm, and the error when there is one (`invalid_token` for a
    /// token sent but not usable, `insufficient_scope` with the scope a write needs).
    static func challenge(error: String? = nil, scope: APIScope? = nil) -> HTTPHeaders {
        var value = "Bearer realm=\"UPR Tracker\""
        if let error { value += ", error=\"\(error)\"" }
        if let scope { value += ", scope=\"\(scope.rawValue)\"" }
        return ["WWW-Authenticate": value]
    }
}

private struct APIClientKey: StorageKey { typealias Value = APIClient }

extension Request {
    /// The request's API client: nil when no bearer token was sent; a 401 for a token that is unknown, expired or
    /// revoked (a program that sends a token wants to know it does not work, even where none is needed); a 429 with
    /// `Retry-After` past the token's requests per minute (`SiteSettings.apiRequestsPerMinute`, counted in the
    /// database so the limit holds over every instance). Its use is noted, at most once a minute.
    func apiClient() async throws -> APIClient? {
        if let known = storage[APIClientKey.self] { return known }
        guard let authorization = headers.first(name: .authorization) else { return nil }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw APIProblem(
                status: .unauthorized, detail: t("apiToken.error.invalid"),
                headers: APIClient.challenge(error: "invalid_token"))
        }
        let secret = parts[1].trimmingCharacters(in: .whitespaces)
        let sql = try self.sql()
        guard let token = try await APITokenStore(sql).token(hash: APITokenIssuer.hash(secret)) else {
            throw APIProblem(
                status: .unauthorized, detail: t("apiToken.error.invalid"),
                headers: APIClient.challenge(error: "invalid_token"))
        }
        switch token.state(today: CalendarDay(Timestamp.day(Date()))!) {
        case .active: break
        case .expired, .revoked:
            let key = token.revokedAt == nil ? "apiToken.error.expired" : "apiToken.error.revoked"
            throw APIProblem(
                status: .unauthorized, detail: t(key), headers: APIClient.challenge(error: "invalid_token"))
        }
        let limit = application.site.apiRequestsPerMinute
        if limit > 0 {
            let (requests, retryAfter) = try await APIRateStore(sql).count(tokenID: token.id)
            guard requests <= limit else {
                throw APIProblem(
                    status: .tooManyRequests, detail: t("api.error.rate", ["limit": String(limit)]),
                    headers: ["Retry-After": String(max(1, retryAfter))])
            }
        }
        try await APITokenStore(sql).noteUse(token)
        let groups = try await APITokenStore(sql).workingGroupIDs(of: token)
        let client = APIClient(
            token: token,
            principal: .token(
                organisationID: token.organisationID, kind: token.organisationKind, workingGroupIDs: groups))
        storage[APIClientKey.self] = client
        return client
    }

    /// Whose view a read gives: a token with scope `read` reads as its organisation (what its people see signed
    /// in: drafts, members-only content); no token, or one without `read`, reads as the public (published and public
    /// records only). A token that does not work is still refused (401).
    func apiReader() async throws -> Principal? {
        guard let client = try await apiClient(), client.token.scopes.contains(.read) else { return nil }
        return client.principal
    }

    /// The API client of a write: a token is needed (401 with the challenge), and it must carry `scope` (403).
    func apiClient(scope: APIScope) async throws -> APIClient {
        guard let client = try await apiClient() else {
            throw APIProblem(
                status: .unauthorized, detail: t("apiToken.error.missing"), headers: APIClient.challenge()
            )
        }
        guard client.token.scopes.contains(scope) else {
            throw APIProblem(
                status: .forbidden, detail: t("apiToken.error.scope", ["scope": scope.rawValue]),
                headers: APIClient.challenge(error: "insufficient_scope", scope: scope))
        }
        return client
    }
}

extension APIClient {
    /// Refuses the write unless the rules allow the token's organisation `action` (403).
    func require(_ action: Action, _ request: Request) throws {
        guard Authorization.allows(principal, action) else {
            throw APIProblem(status: .forbidden, detail: request.t("apiToken.error.forbidden"))
        }
    }
}
