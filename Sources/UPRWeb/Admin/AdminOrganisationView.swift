import UPRDomain
import UPRStore

/// The administrator's page of one organisation: its name (a new one is a rename from a date), kind, the state it
/// represents, when it ended, and its former names.
struct AdminOrganisationView: Encodable {
    var layout: Layout
    var csrf: String
    var id: Int
    var name: String
    var version: Int
    var kinds: [SelectOption]
    var representsState: String
    var validTo: String
    var formerNames: [Organisation.FormerName]
    var historyHref: SiteRoute
    var errors: [FieldError]
    var hasErrors: Bool

    /// The form from the organisation as stored, with the reasons a change was refused.
    static func build(_ context: PageContext, organisation: Organisation, errors: [FieldError] = [])
        -> AdminOrganisationView
    {
        let t = context.t
        return AdminOrganisationView(
            layout: Layout(context, title: organisation.name, section: .admin), csrf: context.csrf,
            id: organisation.id, name: organisation.name, version: organisation.version,
            kinds: OrganisationKind.allCases.map {
                SelectOption(value: $0.rawValue, label: t($0.labelKey), selected: $0 == organisation.kind)
            },
            representsState: organisation.representsState ?? "", validTo: organisation.validTo ?? "",
            formerNames: organisation.formerNames, historyHref: SiteRoute.organisation(organisation.id),
            errors: errors, hasErrors: !errors.isEmpty)
    }
}
