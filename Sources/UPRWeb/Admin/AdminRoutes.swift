import FluentKit
import SQLKit
import UPRDomain
import UPRLocalization
import UPRSecurity
import UPRStore
import Vapor

/// The administrator's pages (the coordinating committee's secretariat): organisations with their renames, working
/// groups and their members, and accounts.
enum AdminRoutes {

    typealias Option = SelectOption

    struct IndexView: Encodable {
        struct Organisation: Encodable {
            var href: SiteRoute
            var name: String
            var kind: String
            var formerNames: String?
        }
        struct Group: Encodable {
            var href: SiteRoute
            var name: String
            var members: String
        }
        struct User: Encodable {
            var href: SiteRoute
            var name: String
            var email: String
            var role: String
            var organisation: String
            var active: Bool
        }
        var layout: Layout
        var csrf: String
        var organisations: [Organisation]
        var groups: [Group]
        var users: [User]
        var kinds: [Option]
        var roles: [Option]
        var organisationOptions: [Option]
        var errors: [FieldError]
        var hasErrors: Bool
        var message: String?
    }

    static func index(_ request: Request, errors: [FieldError] = [], message: String? = nil, status: HTTPStatus = .ok)
        async throws -> Vapor.Response
    {
        try request.require(.manageAccounts)
        let t = request.t
        let sql = try request.sql()
        let store = OrganisationStore(sql)
        let organisations = try await store.organisations()
        let names = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, $0.name) })
        let view = IndexView(
            layout: Layout(request.page, title: t("admin.title"), section: .admin), csrf: request.csrfToken,
            organisations: organisations.map {
                .init(
                    href: SiteRoute.organisation($0.id), name: $0.name, kind: t($0.kind.labelKey),
                    formerNames: $0.formerNames.count > 1
                        ? $0.formerNames.dropLast().map(\.name).joined(separator: ", ") : nil)
            },
            groups: try await store.workingGroups().map { group in
                .init(
                    href: SiteRoute.workingGroup(group.id), name: group.name,
                    members: group.memberIDs.compactMap { names[$0] }.joined(separator: ", "))
            },
            users: try await AccountStore(sql).users().map {
                .init(
                    href: SiteRoute.user($0.id), name: $0.name, email: $0.email, role: t($0.role.labelKey),
                    organisation: $0.organisationName ?? "", active: $0.active)
            },
            kinds: OrganisationKind.allCases.map { .init(value: $0.rawValue, label: t($0.labelKey), selected: false) },
            roles: Role.allCases.map { .init(value: $0.rawValue, label: t($0.labelKey), selected: $0 == .csoMember) },
            organisationOptions: [.init(value: "", label: t("common.none"), selected: true)]
                + organisations.map { .init(value: String($0.id), label: $0.name, selected: false) },
            errors: errors, hasErrors: !errors.isEmpty, message: message)
        return try await request.render("admin", view, status: status)
    }

    @Sendable static func index(_ request: Request) async throws -> Vapor.Response {
        try await index(request, errors: [])
    }

    struct OrganisationForm: Content {
        var name: String?
        var kind: String?
        var representsState: String?
        var validFrom: String?
        var validTo: String?
        var renamedOn: String?
        var version: Int?
    }

    @Sendable static func createOrganisation(_ request: Request) async throws -> Vapor.Response {
        try CSRF.verify(request)
        try request.require(.manageOrganisations)
        let form = try request.content.decode(OrganisationForm.self)
        guard let kind = form.kind.flatMap(OrganisationKind.init(rawValue:)) else {
            return try await index(
                request, errors: [FieldError(field: "kind", message: request.t("form.error.choice"))],
                status: .unprocessableEntity)
        }
        do {
            _ = try await request.db.writeTransaction { database in
                try await OrganisationStore(try database.sqlDatabase()).create(
                    name: form.name ?? "", kind: kind, representsState: form.representsState?.nilIfBlank,
                    validFrom: form.validFrom?.nilIfBlank, actor: request.auditName)
            }
        } catch StoreError.invalid(let field, let key) {
            return try await index(
                request, errors: [FieldError(field: "org-" + field, message: request.t(key))],
                status: .unprocessableEntity)
        }
        return request.redirect(to: SiteRoute.admin.href, redirectType: .normal)
    }

    struct OrganisationView: Encodable {
        var layout: Layout
        var csrf: String
        var id: Int
        var name: String
        var version: Int
        var kinds: [Option]
        var representsState: String
        var validTo: String
        var formerNames: [Organisation.FormerName]
        var historyHref: SiteRoute
        var errors: [FieldError]
        var hasErrors: Bool
    }

    static func organisationPage(_ request: Request, errors: [FieldError] = [], status: HTTPStatus = .ok) async throws
        -> Vapor.Response
    {
        try request.require(.manageOrganisations)
        guard let id = request.parameters.get("id", as: Int.self),
            let organisation = try await OrganisationStore(try request.sql()).organisation(id)
        else { throw Abort(.notFound) }
        let t = request.t
        let view = OrganisationView(
            layout: Layout(request.page, title: organisation.name, section: .admin), csrf: request.csrfToken,
            id: id, name: organisation.name, version: organisation.version,
            kinds: OrganisationKind.allCases.map {
                .init(value: $0.rawValue, label: t($0.labelKey), selected: $0 == organisation.kind)
            },
            representsState: organisation.representsState ?? "", validTo: organisation.validTo ?? "",
            formerNames: organisation.formerNames, historyHref: SiteRoute.organisation(id), errors: errors,
            hasErrors: !errors.isEmpty)
        return try await request.render("admin-organisation", view, status: status)
    }

    @Sendable static func showOrganisation(_ request: Request) async throws -> Vapor.Response {
        try await organisationPage(request)
    }

    @Sendable static func updateOrganisation(_ request: Request) async throws -> Vapor.Response {
        try CSRF.verify(request)
        try request.require(.manageOrganisations)
        guard let id = request.parameters.get("id", as: Int.self) else { throw Abort(.notFound) }
        let form = try request.content.decode(OrganisationForm.self)
        guard let kind = form.kind.flatMap(OrganisationKind.init(rawValue:)) else {
            return try await organisationPage(
                request, errors: [FieldError(field: "kind", message: request.t("form.error.choice"))],
                status: .unprocessableEntity)
        }
        do {
            try await request.db.writeTransaction { database in
                try await OrganisationStore(try database.sqlDatabase()).update(
                    id, version: form.version ?? 0, name: form.name ?? "", kind: kind,
                    representsState: form.representsState?.nilIfBlank, validTo: form.validTo?.nilIfBlank,
                    renamedOn: form.renamedOn?.nilIfBlank, actor: request.auditName)
            }
        } catch StoreError.invalid(let field, let key) {
            return try await organisationPage(
                request, errors: [FieldError(field: field, message: request.t(key))], status: .unprocessableEntity)
        }
        return request.redirect(to: SiteRoute.organisation(id).href, redirectType: .normal)
    }

    struct GroupView: Encodable {
        var layout: Layout
        var csrf: String
        var id: Int
        var name: String
        var version: Int
        var clusters: [Option]
        var members: [Option]
    }

    @Sendable static func showGroup(_ request: Request) async throws -> Vapor.Response {
        try request.require(.manageWorkingGroups)
        let sql = try request.sql()
        guard let id = request.parameters.get("id", as: Int.self),
            let group = try await OrganisationStore(sql).workingGroups().first(where: { $0.id == id })
        else { throw Abort(.notFound) }
        let t = request.t
        let view = GroupView(
            layout: Layout(request.page, title: group.name, section: .admin), csrf: request.csrfToken, id: id,
            name: group.name, version: group.version,
            clusters: [.init(value: "", label: t("common.none"), selected: group.cluster == nil)]
                + Cluster.allCases.map {
                    .init(value: $0.rawValue, label: t.cluster($0), selected: $0 == group.cluster)
                },
            members: try await OrganisationStore(sql).organisations().map {
                .init(value: String($0.id), label: $0.name, selected: group.memberIDs.contains($0.id))
            })
        return try await request.view.render("admin-group", view).encodeResponse(for: request)
    }

    struct GroupForm: Content {
        var name: String?
        var cluster: String?
        var memberIDs: [Int]?
        var version: Int?
    }

    @Sendable static func updateGroup(_ request: Request) async throws -> Vapor.Response {
        try CSRF.verify(request)
        try request.require(.manageWorkingGroups)
        guard let id = request.parameters.get("id", as: Int.self) else { throw Abort(.notFound) }
        let form = try request.content.decode(GroupForm.self)
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw StoreError.invalid(field: "name", messageKey: "form.error.required") }
        try await request.db.writeTransaction { database in
            try await OrganisationStore(try database.sqlDatabase()).updateWorkingGroup(
                id, version: form.version ?? 0, name: name, cluster: form.cluster.flatMap(Cluster.init(rawValue:)),
                memberIDs: form.memberIDs ?? [], actor: request.auditName)
        }
        return request.redirect(to: SiteRoute.admin.href, redirectType: .normal)
    }

    struct UserForm: Content {
        var email: String?
        var name: String?
        var role: String?
        var organisationID: String?
        var password: String?
        var active: String?
        var version: Int?
    }

    @Sendable static func createUser(_ request: Request) async throws -> Vapor.Response {
        try CSRF.verify(request)
        try request.require(.manageAccounts)
        let form = try request.content.decode(UserForm.self)
        let t = request.t
        let email = (form.email ?? "").trimmingCharacters(in: .whitespaces)
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        var errors: [FieldError] = []
        if !email.contains("@") || email.count > 320 {
            errors.append(FieldError(field: "user-email", message: t("form.error.email")))
        }
        if name.isEmpty { errors.append(FieldError(field: "user-name", message: t("form.error.required"))) }
        let role = form.role.flatMap(Role.init(rawValue:))
        if role == nil { errors.append(FieldError(field: "user-role", message: t("form.error.choice"))) }
        let password = form.password ?? ""
        if let problem = PasswordPolicy().problems(password, email: email, name: name).first {
            errors.append(FieldError(field: "user-password", message: t(problem.key, problem.arguments)))
        }
        guard errors.isEmpty, let role else {
            return try await index(request, errors: errors, status: .unprocessableEntity)
        }
        let hash = try await request.password.async.hash(password)
        do {
            _ = try await request.db.writeTransaction { database in
                try await AccountStore(try database.sqlDatabase()).createUser(
                    email: email, name: name, passwordHash: hash, role: role,
                    organisationID: form.organisationID.flatMap(Int.init), actor: request.auditName)
            }
        } catch StoreError.invalid(let field, let key) {
            return try await index(
                request, errors: [FieldError(field: "user-" + field, message: t(key))], status: .unprocessableEntity)
        }
        return request.redirect(to: SiteRoute.admin.href, redirectType: .normal)
    }

    struct UserView: Encodable {
        var layout: Layout
        var csrf: String
        var id: Int
        var name: String
        var email: String
        var version: Int
        var active: Bool
        var roles: [Option]
        var organisations: [Option]
        var resetLink: String?
        var resetMailed: String?
        var resetAction: SiteRoute
    }

    static func userPage(_ request: Request, resetLink: String? = nil, mailed: Bool = false) async throws
        -> Vapor.Response
    {
        try request.require(.manageAccounts)
        let sql = try request.sql()
        guard let id = request.parameters.get("id", as: Int.self), let user = try await AccountStore(sql).user(id: id)
        else {
            throw Abort(.notFound)
        }
        let t = request.t
        let view = UserView(
            layout: Layout(request.page, title: user.name, section: .admin), csrf: request.csrfToken, id: id,
            name: user.name, email: user.email, version: user.version, active: user.active,
            roles: Role.allCases.map { .init(value: $0.rawValue, label: t($0.labelKey), selected: $0 == user.role) },
            organisations: [.init(value: "", label: t("common.none"), selected: user.organisationID == nil)]
                + (try await OrganisationStore(sql).organisations()).map {
                    .init(value: String($0.id), label: $0.name, selected: $0.id == user.organisationID)
                },
            resetLink: resetLink, resetMailed: mailed ? t("admin.resetMailed", ["email": user.email]) : nil,
            resetAction: .userResetLink(id))
        return try await request.view.render("admin-user", view).encodeResponse(for: request)
    }

    @Sendable static func showUser(_ request: Request) async throws -> Vapor.Response { try await userPage(request) }

    @Sendable static func updateUser(_ request: Request) async throws -> Vapor.Response {
        try CSRF.verify(request)
        try request.require(.manageAccounts)
        guard let id = request.parameters.get("id", as: Int.self) else { throw Abort(.notFound) }
        let form = try request.content.decode(UserForm.self)
        guard let role = form.role.flatMap(Role.init(rawValue:)) else {
            throw StoreError.invalid(field: "role", messageKey: "form.error.choice")
        }
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw StoreError.invalid(field: "name", messageKey: "form.error.required") }
        try await request.db.writeTransaction { database in
            try await AccountStore(try database.sqlDatabase()).updateUser(
                id, version: form.version ?? 0, name: name, role: role,
                organisationID: form.organisationID.flatMap(Int.init), active: form.active == "on",
                actor: request.auditName)
        }
        return request.redirect(to: SiteRoute.user(id).href, redirectType: .normal)
    }

    /// Makes a one-time reset link for the person and shows it to the administrator to pass on; with SMTP
    /// configured it is mailed to the person as well.
    @Sendable static func resetLink(_ request: Request) async throws -> Vapor.Response {
        try CSRF.verify(request)
        try request.require(.manageAccounts)
        guard let id = request.parameters.get("id", as: Int.self),
            try await AccountStore(try request.sql()).user(id: id) != nil
        else { throw Abort(.notFound) }
        let settings = request.application.site
        let issued = try await request.db.writeTransaction { database in
            let sql = try database.sqlDatabase()
            let issued = try await PasswordReset.issue(userID: id, settings: settings, on: sql)
            try await AuditLog.append(
                on: sql, actor: request.auditName, action: "reset-link", entity: .user, entityID: String(id),
                summary: issued.mailID == nil ? "Password reset link issued" : "Password reset link issued and mailed")
            return issued
        }
        if issued.mailID != nil { request.application.wakeMailSender() }
        return try await userPage(request, resetLink: issued.link, mailed: issued.mailID != nil)
    }
}

extension String {
    /// Nil for an empty or blank form value.
    var nilIfBlank: String? {
        let trimmed = trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
