import UPRDomain
import UPRSecurity
import UPRStore
import Vapor

/// The account page: who I am, my password, two-step sign-in; and resetting a forgotten password by link.
enum AccountController {
    struct AccountView: Encodable {
        var layout: Layout
        var csrf: String
        var heading: String
        var name: String
        var email: String
        var role: String
        var organisation: String?
        var totpEnabled: Bool
        var totpPending: Bool
        var totpSecret: String?
        var totpURI: String?
        var errors: [FieldError]
        var hasErrors: Bool
        var message: String?
    }

    static func page(_ request: Request, errors: [FieldError] = [], message: String? = nil, status: HTTPStatus = .ok)
        async throws -> Vapor.Response
    {
        let user = try request.requireUser()
        // Re-read: the TOTP fields may have changed in this request.
        guard let account = try await AccountStore(try request.sql()).user(id: user.account.id) else {
            throw Abort(.unauthorized)
        }
        let t = request.t
        let pending = !account.totpEnabled && account.totpSecret != nil
        let totp = pending ? account.totpSecret.flatMap { TOTP(base32Secret: $0) } : nil
        let view = AccountView(
            layout: Layout(request.page, title: t("account.title")), csrf: request.csrfToken,
            heading: t("account.title"), name: account.name, email: account.email, role: t(account.role.labelKey),
            organisation: account.organisationName, totpEnabled: account.totpEnabled, totpPending: pending,
            totpSecret: totp?.base32Secret,
            totpURI: totp?.provisioningURI(issuer: "UPR Tracker", account: account.email),
            errors: errors, hasErrors: !errors.isEmpty, message: message)
        return try await request.render("account", view, status: status)
    }

    @Sendable static func show(_ request: Request) async throws -> Vapor.Response { try await page(request) }

    struct PasswordForm: Content {
        var current: String?
        var new: String?
        var confirm: String?
    }

    @Sendable static func changePassword(_ request: Request) async throws -> Vapor.Response {
        try CSRF.verify(request)
        let user = try request.requireUser()
        let form = try request.content.decode(PasswordForm.self)
        let t = request.t
        guard (try? await request.password.async.verify(form.current ?? "", created: user.account.passwordHash)) == true
        else {
            return try await page(
                request, errors: [FieldError(field: "current", message: t("account.error.currentPassword"))],
                status: .unprocessableEntity)
        }
        let new = form.new ?? ""
        if let problem = PasswordPolicy().problems(new, email: user.account.email, name: user.account.name).first {
            return try await page(
                request, errors: [FieldError(field: "new", message: t(problem.key, problem.arguments))],
                status: .unprocessableEntity)
        }
        guard new == form.confirm else {
            return try await page(
                request, errors: [FieldError(field: "confirm", message: t("account.error.confirm"))],
                status: .unprocessableEntity)
        }
        let store = AccountStore(try request.sql())
        try await store.setPassword(
            user.account.id, hash: try await request.password.async.hash(new), actor: request.auditName)
        // Changing the password ends every session, this one too: sign in again with the new password.
        return request.redirect(to: SiteRoute.login().href, redirectType: .normal)
    }

    @Sendable static func startTOTP(_ request: Request) async throws -> Vapor.Response {
        try CSRF.verify(request)
        let user = try request.requireUser()
        let secret = Base32.encode(TOTP.generateSecret())
        try await AccountStore(try request.sql()).setTOTP(
            user.account.id, secret: secret, enabled: false, actor: request.auditName)
        return try await page(request)
    }

    struct CodeForm: Content {
        var code: String?
    }

    @Sendable static func confirmTOTP(_ request: Request) async throws -> Vapor.Response {
        try CSRF.verify(request)
        let user = try request.requireUser()
        let store = AccountStore(try request.sql())
        guard let account = try await store.user(id: user.account.id), let secret = account.totpSecret,
            let totp = TOTP(base32Secret: secret)
        else { return try await page(request) }
        let code = try request.content.decode(CodeForm.self).code ?? ""
        guard let counter = totp.verify(code, at: Date()) else {
            return try await page(
                request, errors: [FieldError(field: "code", message: request.t("login.code.invalid"))],
                status: .unprocessableEntity)
        }
        try await store.setTOTP(account.id, secret: secret, enabled: true, actor: request.auditName)
        _ = try await store.acceptTOTPCounter(account.id, counter: counter)
        return try await page(request, message: request.t("account.totp.enabled"))
    }

    @Sendable static func disableTOTP(_ request: Request) async throws -> Vapor.Response {
        try CSRF.verify(request)
        let user = try request.requireUser()
        let store = AccountStore(try request.sql())
        guard let account = try await store.user(id: user.account.id) else { throw Abort(.unauthorized) }
        if account.totpEnabled {
            let code = try request.content.decode(CodeForm.self).code ?? ""
            guard let secret = account.totpSecret, let totp = TOTP(base32Secret: secret),
                totp.verify(code, at: Date(), lastUsedCounter: account.totpLastCounter) != nil
            else {
                return try await page(
                    request, errors: [FieldError(field: "disable-code", message: request.t("login.code.invalid"))],
                    status: .unprocessableEntity)
            }
        }
        try await store.setTOTP(account.id, secret: nil, enabled: false, actor: request.auditName)
        return try await page(request, message: request.t("account.totp.disabled"))
    }

    // MARK: Password reset

    static func resetPage(_ request: Request, token: String, errors: [FieldError] = [], status: HTTPStatus = .ok)
        async throws -> Vapor.Response
    {
        let t = request.t
        let view = AuthController.FormView(
            layout: Layout(request.page, title: t("reset.title")), csrf: request.csrfToken,
            heading: t("reset.title"),
            errors: errors, email: nil, returnTo: nil, message: nil, token: token)
        return try await request.render("password-reset", view, status: status)
    }

    @Sendable static func showReset(_ request: Request) async throws -> Vapor.Response {
        let token = request.parameters.get("token") ?? ""
        guard try await AccountStore(try request.sql()).resetUser(tokenHash: SecureToken.hash(token)) != nil else {
            throw Abort(.notFound, reason: request.t("reset.invalid"))
        }
        return try await resetPage(request, token: token)
    }

    @Sendable static func reset(_ request: Request) async throws -> Vapor.Response {
        try CSRF.verify(request)
        let token = request.parameters.get("token") ?? ""
        let store = AccountStore(try request.sql())
        guard let account = try await store.resetUser(tokenHash: SecureToken.hash(token)) else {
            throw Abort(.notFound, reason: request.t("reset.invalid"))
        }
        let form = try request.content.decode(PasswordForm.self)
        let new = form.new ?? ""
        if let problem = PasswordPolicy().problems(new, email: account.email, name: account.name).first {
            return try await resetPage(
                request, token: token,
                errors: [FieldError(field: "new", message: request.t(problem.key, problem.arguments))],
                status: .unprocessableEntity)
        }
        guard new == form.confirm else {
            return try await resetPage(
                request, token: token,
                errors: [FieldError(field: "confirm", message: request.t("account.error.confirm"))],
                status: .unprocessableEntity)
        }
        guard try await store.consumeReset(tokenHash: SecureToken.hash(token)) else {
            throw Abort(.notFound, reason: request.t("reset.invalid"))
        }
        try await store.setPassword(account.id, hash: try await request.password.async.hash(new), actor: account.email)
        return request.redirect(to: SiteRoute.login().href, redirectType: .normal)
    }
}
