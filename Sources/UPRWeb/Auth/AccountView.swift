import UPRSecurity
import UPRStore

/// The account page: who the person is (name, address, role, organisation), two-step sign-in (on, being set up
/// with its secret to scan, or off) and the password form.
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

    /// The page from the account as stored now (a form of this request may just have changed its two-step
    /// sign-in), with the reasons a form was refused or the message (a catalogue key) of what was just done.
    static func build(
        _ context: PageContext, account: UserAccount, errors: [FieldError] = [], messageKey: String? = nil
    )
        -> AccountView
    {
        let t = context.t
        // A secret with two-step sign-in still off is being set up: the page shows it to scan, once confirmed never.
        let pending = !account.totpEnabled && account.totpSecret != nil
        let totp = pending ? account.totpSecret.flatMap { TOTP(base32Secret: $0) } : nil
        return AccountView(
            layout: Layout(context, title: t("account.title")), csrf: context.csrf, heading: t("account.title"),
            name: account.name, email: account.email, role: t(account.role.labelKey),
            organisation: account.organisationName, totpEnabled: account.totpEnabled, totpPending: pending,
            totpSecret: totp?.base32Secret,
            totpURI: totp?.provisioningURI(issuer: "UPR Tracker", account: account.email),
            errors: errors, hasErrors: !errors.isEmpty, message: messageKey.map { t($0) })
    }
}
