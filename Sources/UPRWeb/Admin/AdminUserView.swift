import UPRDomain
import UPRStore

/// The administrator's page of one account: name, role, organisation, whether it may sign in, and the button that
/// makes a password reset link (shown here once, and mailed when mail is configured).
struct AdminUserView: Encodable {
    var layout: Layout
    var csrf: String
    var id: Int
    var name: String
    var email: String
    var version: Int
    var active: Bool
    var roles: [SelectOption]
    var organisations: [SelectOption]
    var resetLink: String?
    var resetMailed: String?
    var resetAction: SiteRoute

    /// The form from the account and the organisations it may belong to; `resetLink` is the link just made (the
    /// address to pass on), `mailed` whether it was mailed to the person too.
    static func build(
        _ context: PageContext, user: UserAccount, organisations: [Organisation], resetLink: String? = nil,
        mailed: Bool = false
    ) -> AdminUserView {
        let t = context.t
        return AdminUserView(
            layout: Layout(context, title: user.name, section: .admin), csrf: context.csrf, id: user.id,
            name: user.name, email: user.email, version: user.version, active: user.active,
            roles: Role.allCases.map {
                SelectOption(value: $0.rawValue, label: t($0.labelKey), selected: $0 == user.role)
            },
            organisations: [SelectOption(value: "", label: t("common.none"), selected: user.organisationID == nil)]
                + organisations.map {
                    SelectOption(value: String($0.id), label: $0.name, selected: $0.id == user.organisationID)
                },
            resetLink: resetLink, resetMailed: mailed ? t("admin.resetMailed", ["email": user.email]) : nil,
            resetAction: .userResetLink(user.id))
    }
}
