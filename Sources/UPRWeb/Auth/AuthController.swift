import UPRDomain
import UPRSecurity
import UPRStore
import Vapor

/// Signing in and out, the two-step code, the account page (password, TOTP) and password reset.
enum AuthController {
    static let sessionLifetime: TimeInterval = 60 * 60 * 12
    static let throttle = LoginThrottle()

    struct LoginForm: Content {
        var email: String?
        var password: String?
        var `return`: String?
    }

    static func loginPage(_ request: Request, errors: [FieldError] = [], email: String? = nil, status: HTTPStatus = .ok)
        async throws -> Vapor.Response
    {
        let view = AuthFormView.signIn(request.page, returnTo: returnTo(request), email: email, errors: errors)
        return try await request.render("login", view, status: status)
    }

    /// Where to go once signed in: the page's `return` parameter if it is a path of this site, else home.
    static func returnTo(_ request: Request) -> String {
        LocalPath.safe(try? request.query.get(String.self, at: "return"), otherwise: .home)
    }

    @Sendable static func showLogin(_ request: Request) async throws -> Vapor.Response {
        try await loginPage(request)
    }

    /// Checks the password, counting failures per account and per client in the database, so that guessing is
    /// slowed down whichever instance answers.
    @Sendable static func login(_ request: Request) async throws -> Vapor.Response {
        try CSRF.verify(request)
        let form = try request.content.decode(LoginForm.self)
        let email = (form.email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form.password ?? ""
        let t = request.t
        guard !email.isEmpty, !password.isEmpty else {
            return try await loginPage(
                request, errors: [FieldError(field: "email", message: t("login.error.missing"))], email: email,
                status: .unprocessableEntity)
        }
        let store = AccountStore(try request.sql())
        let client = request.remoteAddress?.ipAddress ?? "unknown"
        let now = Date()
        let recent = try await store.failures(email: email, client: client, since: throttle.windowStart(now: now))
        for failures in [recent.email, recent.client] {
            if case .locked(let until) = throttle.decision(failures: failures, now: now) {
                let minutes = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
                return try await loginPage(
                    request,
                    errors: [
                        FieldError(field: "email", message: t("login.error.throttled", ["minutes": String(minutes)]))
                    ],
                    email: email, status: .tooManyRequests)
            }
        }
        let account = try await store.user(email: email)
        // Verify against a dummy hash when the account does not exist, so timing does not tell which emails exist.
        let hash = account?.passwordHash ?? "$2b$12$C6UzMDM.H6dfI/f/IKcEeO5v0IS/8x8dPWLR/5I/0E4q2G3JbQ7lC"
        let valid = (try? await request.password.async.verify(password, created: hash)) ?? false
        guard valid, let account, account.active else {
            try await store.recordFailure(email: email, client: client)
            try await AuditLog.append(
                on: request.sql(), actor: email, action: "login-failed", entity: .user,
                entityID: account.map { String($0.id) }, summary: "Failed sign-in from \(client)")
            return try await loginPage(
                request, errors: [FieldError(field: "email", message: t("login.error.invalid"))], email: email,
                status: .unauthorized)
        }
        try await store.clearFailures(email: email)
        if !account.totpEnabled {
            // Mail to the person (reset links, later digests) goes out in the language they use the site in.
            try await store.setLanguage(account.id, language: request.language.rawValue, actor: account.email)
        }
        let token = SecureToken.generate()
        try await store.createSession(
            idHash: SecureToken.hash(token), userID: account.id, csrfToken: SecureToken.generate(),
            twoFactorPending: account.totpEnabled, lifetime: sessionLifetime)
        try await AuditLog.append(
            on: request.sql(), actor: account.email, action: "login", entity: .user, entityID: String(account.id),
            summary: account.totpEnabled ? "Password accepted; waiting for the code" : "Signed in")
        let target = LocalPath.safe(form.return, otherwise: .home)
        let response = request.redirect(
            to: account.totpEnabled
                ? SiteRoute.loginCode(returnTo: target).href
                : target,
            redirectType: .normal)
        response.cookies[AccountSessionMiddleware.sessionCookie] = AccountSessionMiddleware().cookie(
            token, request: request, maxAge: Int(sessionLifetime))
        return response
    }

    /// The session waiting for its two-step code, if any.
    static func pendingSession(_ request: Request) async throws -> (hash: String, csrf: String, user: UserAccount)? {
        guard let token = request.cookies[AccountSessionMiddleware.sessionCookie]?.string else { return nil }
        let hash = SecureToken.hash(token)
        guard let session = try await AccountStore(try request.sql()).session(idHash: hash), session.twoFactorPending
        else { return nil }
        return (hash, session.csrfToken, session.user)
    }

    static func codePage(_ request: Request, csrf: String, errors: [FieldError] = [], status: HTTPStatus = .ok)
        async throws -> Vapor.Response
    {
        let view = AuthFormView.signInCode(request.page, csrf: csrf, returnTo: returnTo(request), errors: errors)
        return try await request.render("login-code", view, status: status)
    }

    @Sendable static func showCode(_ request: Request) async throws -> Vapor.Response {
        guard let pending = try await pendingSession(request) else {
            return request.redirect(to: SiteRoute.login().href)
        }
        return try await codePage(request, csrf: pending.csrf)
    }

    struct CodeForm: Content {
        var code: String?
        var _csrf: String?
        var `return`: String?
    }

    @Sendable static func code(_ request: Request) async throws -> Vapor.Response {
        guard let pending = try await pendingSession(request) else {
            return request.redirect(to: SiteRoute.login().href)
        }
        let form = try request.content.decode(CodeForm.self)
        guard CSRFToken.matches(submitted: form._csrf, expected: pending.csrf) else {
            throw Abort(.forbidden, reason: request.t("csrf.error"))
        }
        let store = AccountStore(try request.sql())
        let client = request.remoteAddress?.ipAddress ?? "unknown"
        let now = Date()
        let recent = try await store.failures(
            email: pending.user.email, client: client, since: throttle.windowStart(now: now))
        if case .locked = throttle.decision(failures: recent.email, now: now) {
            return try await codePage(
                request, csrf: pending.csrf,
                errors: [FieldError(field: "code", message: request.t("login.error.throttled", ["minutes": "15"]))],
                status: .tooManyRequests)
        }
        guard let secret = pending.user.totpSecret, let totp = TOTP(base32Secret: secret),
            let counter = totp.verify(form.code ?? "", at: now, lastUsedCounter: pending.user.totpLastCounter),
            try await store.acceptTOTPCounter(pending.user.id, counter: counter)
        else {
            try await store.recordFailure(email: pending.user.email, client: client)
            return try await codePage(
                request, csrf: pending.csrf,
                errors: [FieldError(field: "code", message: request.t("login.code.invalid"))],
                status: .unauthorized)
        }
        try await store.completeTwoFactor(idHash: pending.hash)
        try await store.clearFailures(email: pending.user.email)
        try await store.setLanguage(pending.user.id, language: request.language.rawValue, actor: pending.user.email)
        try await AuditLog.append(
            on: request.sql(), actor: pending.user.email, action: "login", entity: .user,
            entityID: String(pending.user.id), summary: "Signed in with a two-step code")
        return request.redirect(to: LocalPath.safe(form.return, otherwise: .home), redirectType: .normal)
    }

    @Sendable static func logout(_ request: Request) async throws -> Vapor.Response {
        try CSRF.verify(request)
        if let user = request.currentUser {
            try await AccountStore(try request.sql()).deleteSession(idHash: user.sessionHash)
            try await AuditLog.append(
                on: request.sql(), actor: user.account.email, action: "logout", entity: .user,
                entityID: String(user.account.id), summary: "Signed out")
        }
        let response = request.redirect(to: SiteRoute.home.href, redirectType: .normal)
        response.cookies[AccountSessionMiddleware.sessionCookie] = HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/", isHTTPOnly: true, sameSite: .lax)
        return response
    }
}

/// An error to show beside a form field and in the summary at the top of the page.
struct FieldError: Encodable, Sendable {
    var field: String
    var message: String
}
