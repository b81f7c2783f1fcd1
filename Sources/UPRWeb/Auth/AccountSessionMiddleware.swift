import UPRDomain
import UPRSecurity
import UPRStore
import Vapor

/// Finds the session of each request in the database (so any instance can serve it) and sets the CSRF token:
/// the session's when signed in, else a random one kept in a cookie for the sign-in form.
struct AccountSessionMiddleware: AsyncMiddleware {
    static let sessionCookie = "upr_session"
    static let csrfCookie = "upr_csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Vapor.Response {
        var newAnonymousToken: String?
        if let token = request.cookies[Self.sessionCookie]?.string, !token.isEmpty {
            let hash = SecureToken.hash(token)
            let store = AccountStore(try request.sql())
            if let session = try await store.session(idHash: hash), !session.twoFactorPending {
                let groups = session.workingGroupIDs
                request.currentUser = CurrentUser(
                    account: session.user,
                    actor: Principal(
                        userID: session.user.id, role: session.user.role, organisationID: session.user.organisationID,
                        workingGroupIDs: groups),
                    sessionHash: hash)
                request.csrfToken = session.csrfToken
                // One small indexed count, so every page's header can show the inbox without another round trip.
                request.unreadNotifications = try await NotificationStore(try request.sql()).unreadCount(
                    userID: session.user.id)
            }
        }
        if request.currentUser == nil {
            if let token = request.cookies[Self.csrfCookie]?.string, token.count >= 32 {
                request.csrfToken = token
            } else {
                let token = SecureToken.generate()
                request.csrfToken = token
                newAnonymousToken = token
            }
        }
        let response = try await next.respond(to: request)
        if let newAnonymousToken {
            response.cookies[Self.csrfCookie] = cookie(newAnonymousToken, request: request, maxAge: nil)
        }
        if request.currentUser != nil {
            // Pages for a signed-in person must not be kept by shared caches.
            response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        }
        return response
    }

    func cookie(_ value: String, request: Request, maxAge: Int?) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, maxAge: maxAge, path: "/", isSecure: request.application.site.secureCookies,
            isHTTPOnly: true, sameSite: .lax)
    }
}

/// The CSRF check of every form that changes something.
enum CSRF {
    struct Field: Content {
        var _csrf: String?
    }

    /// Refuses a POST whose `_csrf` field does not match the session's (or the sign-in cookie's) token.
    static func verify(_ request: Request) throws {
        let submitted = try? request.content.decode(Field.self)._csrf
        guard !request.csrfToken.isEmpty, CSRFToken.matches(submitted: submitted, expected: request.csrfToken) else {
            throw Abort(.forbidden, reason: request.t("csrf.error"))
        }
    }
}
