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

    /// The organisation form of the admin page; its fields are named `org-…` there, beside the account form's.
    static let createOrganisation = FormPost(
        OrganisationForm.self, load: { _ in }, rule: .always(.manageOrganisations),
        write: { _, form, write in
            guard let kind = form.kind.flatMap(OrganisationKind.init(rawValue:)) else {
                throw StoreError.invalid(field: "kind", messageKey: "form.error.choice")
            }
            do {
                _ = try await OrganisationStore(write.sql).create(
                    name: form.name ?? "", kind: kind, representsState: form.representsState?.nilIfBlank,
                    validFrom: form.validFrom?.nilIfBlank, actor: write.actor)
            } catch StoreError.invalid(let field, let key) {
                throw StoreError.invalid(field: "org-" + field, messageKey: key)
            }
            return .redirect(.admin)
        },
        refused: { request, _, _, errors in try await index(request, errors: errors, status: .unprocessableEntity) })

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

    /// The account form of the admin page: every problem of the form at once, its fields named `user-…` there.
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
            try await index(
                request, errors: errors.map { FieldError(field: "user-" + $0.field, message: $0.message) },
                status: .unprocessableEntity)
        })

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
