import UPRDomain
import UPRStore
import Vapor

/// The administrator's overview: the organisations with their former names, the working groups with their members
/// and the accounts, with the forms that add an organisation and an account (their fields named `org-…` and
/// `user-…`, so that a refusal links to the right one).
struct AdminIndexView: Encodable {
    typealias Option = SelectOption
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

    /// The reasons the new-organisation form (`organisationErrors`) or the new-account form (`userErrors`) was
    /// refused come under the names the form gives its fields (`kind`, `email`); on this page, which holds both
    /// forms, those fields are `f-org-kind` and `f-user-email`, and the summary links there.
    static func load(_ request: Request, organisationErrors: [FieldError] = [], userErrors: [FieldError] = [])
        async throws -> AdminIndexView
    {
        let sql = try request.sql()
        let store = OrganisationStore(sql)
        return build(
            request.page, organisations: try await store.organisations(), groups: try await store.workingGroups(),
            users: try await AccountStore(sql).users(), organisationErrors: organisationErrors, userErrors: userErrors)
    }

    /// The page from every organisation, working group and account.
    static func build(
        _ context: PageContext, organisations: [UPRStore.Organisation], groups: [WorkingGroup], users: [UserAccount],
        organisationErrors: [FieldError] = [], userErrors: [FieldError] = []
    ) -> AdminIndexView {
        let t = context.t
        let names = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, $0.name) })
        let errors =
            organisationErrors.map { FieldError(field: "org-" + $0.field, message: $0.message) }
            + userErrors.map { FieldError(field: "user-" + $0.field, message: $0.message) }
        return AdminIndexView(
            layout: Layout(context, title: t("admin.title"), section: .admin), csrf: context.csrf,
            organisations: organisations.map {
                Organisation(
                    href: SiteRoute.organisation($0.id), name: $0.name, kind: t($0.kind.labelKey),
                    formerNames: $0.formerNames.count > 1
                        ? $0.formerNames.dropLast().map(\.name).joined(separator: ", ") : nil)
            },
            groups: groups.map { group in
                Group(
                    href: SiteRoute.workingGroup(group.id), name: group.name,
                    members: group.memberIDs.compactMap { names[$0] }.joined(separator: ", "))
            },
            users: users.map {
                User(
                    href: SiteRoute.user($0.id), name: $0.name, email: $0.email, role: t($0.role.labelKey),
                    organisation: $0.organisationName ?? "", active: $0.active)
            },
            kinds: OrganisationKind.allCases.map { Option(value: $0.rawValue, label: t($0.labelKey), selected: false) },
            roles: Role.allCases.map { Option(value: $0.rawValue, label: t($0.labelKey), selected: $0 == .csoMember) },
            organisationOptions: [Option(value: "", label: t("common.none"), selected: true)]
                + organisations.map { Option(value: String($0.id), label: $0.name, selected: false) },
            errors: errors, hasErrors: !errors.isEmpty)
    }
}
