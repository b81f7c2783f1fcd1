import UPRStore
import Vapor

/// The secretariat's form for a new agreement (title, date, text, signatories), or for a commitment of an
/// agreement (an action item: what, who, by when). A refused form comes back as typed.
struct AgreementFormView: Encodable {
    var layout: Layout
    var csrf: String
    var heading: String
    var action: SiteRoute
    var version: Int
    var isCommitment: Bool
    var form: MeetingTaskView.Typed
    var agreementTitle: String
    var text: String
    var signedOn: String
    var organisations: [SelectOption]
    var people: [SelectOption]
    var signatories: [SelectOption]
    var errors: [FieldError]
    var hasErrors: Bool

    /// The form with the organisations and accounts it offers, read from the store.
    static func load(
        _ request: Request, agreement: Agreement?, typed: AgreementRoutes.AgreementForm?, task: MeetingTaskForm?,
        errors: [FieldError] = []
    ) async throws -> AgreementFormView {
        let sql = try request.sql()
        return build(
            request.page, agreement: agreement, typed: typed, task: task,
            organisations: try await OrganisationStore(sql).organisations(), users: try await AccountStore(sql).users(),
            errors: errors)
    }

    /// The new-agreement form (`agreement` nil) or the commitment form of `agreement`, with what was typed
    /// (`typed` for an agreement, `task` for a commitment). Only organisations that still exist and accounts
    /// that may sign in are offered.
    static func build(
        _ context: PageContext, agreement: Agreement?, typed: AgreementRoutes.AgreementForm?, task: MeetingTaskForm?,
        organisations: [Organisation], users: [UserAccount], errors: [FieldError] = []
    ) -> AgreementFormView {
        let t = context.t
        let organisations = organisations.filter { $0.validTo == nil }
        let users = users.filter(\.active)
        let none = SelectOption(value: "", label: t("common.none"), selected: false)
        let clean = MeetingTaskForm.clean
        var form = MeetingTaskView.Typed()
        form.actionTitle = clean(task?.actionTitle)
        form.dueDate = clean(task?.dueDate)
        let heading = agreement.map { t("agreement.addCommitment", ["title": $0.title]) } ?? t("agreement.new")
        let chosen = Set(typed?.signatoryIDs ?? [])
        return AgreementFormView(
            layout: Layout(context, title: heading, section: .meetings), csrf: context.csrf,
            heading: heading, action: (agreement.map { SiteRoute.commitments(agreementID: $0.id) } ?? .agreements),
            version: agreement?.version ?? 0, isCommitment: agreement != nil, form: form,
            agreementTitle: clean(typed?.title), text: typed?.text ?? "", signedOn: clean(typed?.signedOn),
            organisations: [none]
                + organisations.map {
                    SelectOption(
                        value: String($0.id), label: $0.name,
                        selected: clean(task?.ownerOrganisationID) == String($0.id))
                },
            people: [none]
                + users.map {
                    SelectOption(
                        value: String($0.id), label: $0.name + ($0.organisationName.map { " (\($0))" } ?? ""),
                        selected: clean(task?.ownerUserID) == String($0.id))
                },
            signatories: organisations.map {
                SelectOption(value: String($0.id), label: $0.name, selected: chosen.contains($0.id))
            },
            errors: errors, hasErrors: !errors.isEmpty)
    }
}
