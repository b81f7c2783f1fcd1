import UPRDomain
import UPRSecurity
import UPRStore
import Vapor

/// The account page: who I am, my password, two-step sign-in; and resetting a forgotten password by link.
enum AccountController {
    static func page(
        _ request: Request, errors: [FieldError] = [], messageKey: String? = nil, status: HTTPStatus = .ok
    ) async throws -> Vapor.Response {
        let user = try request.requireUser()
        // Re-read: the TOTP fields may have changed in this request.
        guard let account = try await AccountStore(try request.sql()).user(id: user.account.id) else {
            throw Abort(.unauthorized)
        }
        let view = AccountView.build(request.page, account: account, errors: errors, messageKey: messageKey)
        return try await request.render("account", view, status: status)
    }

    @Sendable static func show(_ request: Request) async throws -> Vapor.Response { try await page(request) }

    struct PasswordForm: Content {
        var current: String?
        var new: String?
        var confirm: String?
    }

    /// The account page again with what was wrong (422).
    @Sendable static func refused(_ request: Request, _ errors: [FieldError]) async throws -> Vapor.Response {
        try await page(request, errors: errors, status: .unprocessableEntity)
    }

    static let changePassword = FormPost(
        PasswordForm.self, load: { try $0.requireUser() }, rule: .signedIn,
        write: { user, form, write in
            let password = write.request.password.async
            guard (try? await password.verify(form.current ?? "", created: user.account.passwordHash)) == true else {
                throw StoreError.invalid(field: "current", messageKey: "account.error.currentPassword")
            }
            let new = form.new ?? ""
            if let problem = PasswordPolicy().problems(new, email: user.account.email, name: user.account.name).first {
                throw FieldProblems([.init(field: "new", messageKey: problem.key, arguments: problem.arguments)])
            }
            guard new == form.confirm else {
                throw StoreError.invalid(field: "confirm", messageKey: "account.error.confirm")
            }
            try await AccountStore(write.sql).setPassword(
                user.account.id, hash: try await password.hash(new), actor: write.actor)
            // Changing the password ends every session, this one too: sign in again with the new password.
            return .redirect(.login())
        },
        refused: { request, _, _, errors in try await refused(request, errors) })

    static let startTOTP = FormPost(
        VersionForm.self, load: { try $0.requireUser() }, rule: .signedIn,
        write: { user, _, write in
            let secret = Base32.encode(TOTP.generateSecret())
            try await AccountStore(write.sql).setTOTP(
                user.account.id, secret: secret, enabled: false, actor: write.actor)
            return .page { try await page($0) }
        })

    struct CodeForm: Content {
        var code: String?
    }

    static let confirmTOTP = FormPost(
        CodeForm.self, load: { try $0.requireUser() }, rule: .signedIn,
        write: { user, form, write in
            let store = AccountStore(write.sql)
            guard let account = try await store.user(id: user.account.id), let secret = account.totpSecret,
                let totp = TOTP(base32Secret: secret)
            else { return .page { try await page($0) } }
            guard let counter = totp.verify(form.code ?? "", at: Date()) else {
                throw StoreError.invalid(field: "code", messageKey: "login.code.invalid")
            }
            try await store.setTOTP(account.id, secret: secret, enabled: true, actor: write.actor)
            _ = try await store.acceptTOTPCounter(account.id, counter: counter)
            return .page { try await page($0, messageKey: "account.totp.enabled") }
        },
        refused: { request, _, _, errors in try await refused(request, errors) })

    static let disableTOTP = FormPost(
        CodeForm.self, load: { try $0.requireUser() }, rule: .signedIn,
        write: { user, form, write in
            let store = AccountStore(write.sql)
            guard let account = try await store.user(id: user.account.id) else { throw Abort(.unauthorized) }
            if account.totpEnabled {
                guard let secret = account.totpSecret, let totp = TOTP(base32Secret: secret),
                    totp.verify(form.code ?? "", at: Date(), lastUsedCounter: account.totpLastCounter) != nil
                else { throw StoreError.invalid(field: "disable-code", messageKey: "login.code.invalid") }
            }
            try await store.setTOTP(account.id, secret: nil, enabled: false, actor: write.actor)
            return .page { try await page($0, messageKey: "account.totp.disabled") }
        },
        refused: { request, _, _, errors in try await refused(request, errors) })

    // MARK: Password reset

    static func resetPage(_ request: Request, token: String, errors: [FieldError] = [], status: HTTPStatus = .ok)
        async throws -> Vapor.Response
    {
        let view = AuthFormView.passwordReset(request.page, token: token, errors: errors)
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
        // Not a `FormPost`: the person is signed out, the link's token stands for the account.
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
