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

    static func index(
        _ request: Request, organisationErrors: [FieldError] = [], userErrors: [FieldError] = [],
        status: HTTPStatus = .ok
    ) async throws -> Vapor.Response {
        try request.require(.manageAccounts)
        let view = try await AdminIndexView.load(
            request, organisationErrors: organisationErrors, userErrors: userErrors)
        return try await request.render("admin", view, status: status)
    }

    @Sendable static func index(_ request: Request) async throws -> Vapor.Response {
        try await index(request, userErrors: [])
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

    /// The organisation form of the admin page. Its refusals name the form's fields (`kind`, `name`); the page,
    /// which holds the account form too, shows them under its own names for them (`org-kind`).
    static let createOrganisation = FormPost(
        OrganisationForm.self, load: { _ in }, rule: .always(.manageOrganisations),
        write: { _, form, write in
            guard let kind = form.kind.flatMap(OrganisationKind.init(rawValue:)) else {
                throw StoreError.invalid(field: "kind", messageKey: "form.error.choice")
            }
            _ = try await OrganisationStore(write.sql).create(
                name: form.name ?? "", kind: kind, representsState: form.representsState?.nilIfBlank,
                validFrom: form.validFrom?.nilIfBlank, actor: write.actor)
            return .redirect(.admin)
        },
        refused: { request, _, _, errors in
            try await index(request, organisationErrors: errors, status: .unprocessableEntity)
        })

    static func organisationPage(_ request: Request, errors: [FieldError] = [], status: HTTPStatus = .ok) async throws
        -> Vapor.Response
    {
        try request.require(.manageOrganisations)
        guard let id = request.parameters.get("id", as: Int.self),
            let organisation = try await OrganisationStore(try request.sql()).organisation(id)
        else { throw Abort(.notFound) }
        let view = AdminOrganisationView.build(request.page, organisation: organisation, errors: errors)
        return try await request.render("admin-organisation", view, status: status)
    }

    @Sendable static func showOrganisation(_ request: Request) async throws -> Vapor.Response {
        try await organisationPage(request)
    }

    static let updateOrganisation = FormPost(
        OrganisationForm.self, load: { try $0.pathID() }, rule: .always(.manageOrganisations),
        write: { id, form, write in
            guard let kind = form.kind.flatMap(OrganisationKind.init(rawValue:)) else {
                throw StoreError.invalid(field: "kind", messageKey: "form.error.choice")
            }
            try await OrganisationStore(write.sql).update(
                id, version: form.version ?? 0, name: form.name ?? "", kind: kind,
                representsState: form.representsState?.nilIfBlank, validTo: form.validTo?.nilIfBlank,
                renamedOn: form.renamedOn?.nilIfBlank, actor: write.actor)
            return .redirect(.organisation(id))
        },
        refused: { request, _, _, errors in
            try await organisationPage(request, errors: errors, status: .unprocessableEntity)
        })

    @Sendable static func showGroup(_ request: Request) async throws -> Vapor.Response {
        try request.require(.manageWorkingGroups)
        let store = OrganisationStore(try request.sql())
        guard let id = request.parameters.get("id", as: Int.self),
            let group = try await store.workingGroups().first(where: { $0.id == id })
        else { throw Abort(.notFound) }
        let view = AdminGroupView.build(request.page, group: group, organisations: try await store.organisations())
        return try await request.view.render("admin-group", view).encodeResponse(for: request)
    }

    struct GroupForm: Content {
        var name: String?
        var cluster: String?
        var memberIDs: [Int]?
        var version: Int?
    }

    static let updateGroup = FormPost(
        GroupForm.self, load: { try $0.pathID() }, rule: .always(.manageWorkingGroups),
        write: { id, form, write in
            let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw StoreError.invalid(field: "name", messageKey: "form.error.required") }
            try await OrganisationStore(write.sql).updateWorkingGroup(
                id, version: form.version ?? 0, name: name, cluster: form.cluster.flatMap(Cluster.init(rawValue:)),
                memberIDs: form.memberIDs ?? [], actor: write.actor)
            return .redirect(.admin)
        })

    struct UserForm: Content {
        var email: String?
        var name: String?
        var role: String?
        var organisationID: String?
        var password: String?
        var active: String?
        var version: Int?
    }

    /// The account form of the admin page: every problem of the form at once, shown there under the page's names
    /// for its fields (`user-email`).
    static let createUser = FormPost(
        UserForm.self, load: { _ in }, rule: .always(.manageAccounts),
        write: { _, form, write in
            let email = (form.email ?? "").trimmingCharacters(in: .whitespaces)
            let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
            var problems: [FieldProblems.Problem] = []
            if !email.contains("@") || email.count > 320 {
                problems.append(.init(field: "email", messageKey: "form.error.email"))
            }
            if name.isEmpty { problems.append(.init(field: "name", messageKey: "form.error.required")) }
            let role = form.role.flatMap(Role.init(rawValue:))
            if role == nil { problems.append(.init(field: "role", messageKey: "form.error.choice")) }
            let password = form.password ?? ""
            if let problem = PasswordPolicy().problems(password, email: email, name: name).first {
                problems.append(.init(field: "password", messageKey: problem.key, arguments: problem.arguments))
            }
            guard problems.isEmpty, let role else { throw FieldProblems(problems) }
            let hash = try await write.request.password.async.hash(password)
            _ = try await AccountStore(write.sql).createUser(
                email: email, name: name, passwordHash: hash, role: role,
                organisationID: form.organisationID.flatMap(Int.init), actor: write.actor)
            return .redirect(.admin)
        },
        refused: { request, _, _, errors in
            try await index(request, userErrors: errors, status: .unprocessableEntity)
        })

    static func userPage(_ request: Request, resetLink: String? = nil, mailed: Bool = false) async throws
        -> Vapor.Response
    {
        try request.require(.manageAccounts)
        let sql = try request.sql()
        guard let id = request.parameters.get("id", as: Int.self), let user = try await AccountStore(sql).user(id: id)
        else {
            throw Abort(.notFound)
        }
        let view = AdminUserView.build(
            request.page, user: user, organisations: try await OrganisationStore(sql).organisations(),
            resetLink: resetLink, mailed: mailed)
        return try await request.view.render("admin-user", view).encodeResponse(for: request)
    }

    @Sendable static func showUser(_ request: Request) async throws -> Vapor.Response { try await userPage(request) }

    static let updateUser = FormPost(
        UserForm.self, load: { try $0.pathID() }, rule: .always(.manageAccounts),
        write: { id, form, write in
            guard let role = form.role.flatMap(Role.init(rawValue:)) else {
                throw StoreError.invalid(field: "role", messageKey: "form.error.choice")
            }
            let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw StoreError.invalid(field: "name", messageKey: "form.error.required") }
            try await AccountStore(write.sql).updateUser(
                id, version: form.version ?? 0, name: name, role: role,
                organisationID: form.organisationID.flatMap(Int.init), active: form.active == "on", actor: write.actor)
            return .redirect(.user(id))
        })

    /// Makes a one-time reset link for the person and shows it to the administrator to pass on; with SMTP
    /// configured it is mailed to the person as well.
    static let resetLink = FormPost(
        VersionForm.self,
        load: { request in
            let id = try request.pathID()
            guard try await AccountStore(try request.sql()).user(id: id) != nil else { throw Abort(.notFound) }
            return id
        }, rule: .always(.manageAccounts),
        write: { id, _, write in
            let issued = try await PasswordReset.issue(
                userID: id, settings: write.request.application.site, on: write.sql)
            try await AuditLog.append(
                on: write.sql, actor: write.actor, action: "reset-link", entity: .user, entityID: String(id),
                summary: issued.mailID == nil ? "Password reset link issued" : "Password reset link issued and mailed")
            return .page { request in
                if issued.mailID != nil { request.application.wakeMailSender() }
                return try await userPage(request, resetLink: issued.link, mailed: issued.mailID != nil)
            }
        })
}

extension String {
    /// Nil for an empty or blank form value.
    var nilIfBlank: String? {
        let trimmed = trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
