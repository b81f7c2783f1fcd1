import FluentKit
import Foundation
import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// Agreements (the letter of intent) and their commitments: public to read; the secretariat records them; each
/// commitment's owner moves it along like an action item.
enum AgreementRoutes {

    struct ListView: Encodable {
        struct Row: Encodable {
            var href: SiteRoute
            var title: String
            var signedOn: String?
        }
        var layout: Layout
        var rows: [Row]
        var canCreate: Bool
    }

    @Sendable static func list(_ request: Request) async throws -> Vapor.Response {
        let t = request.t
        let rows = try await AgreementStore(try request.sql()).agreements().map {
            ListView.Row(href: SiteRoute.agreement($0.id), title: $0.title, signedOn: day($0.signedOn, t))
        }
        let view = ListView(
            layout: Layout(request.page, title: t("agreements.title"), section: .meetings), rows: rows,
            canCreate: Authorization.allows(request.actor, .manageAgreements))
        return try await request.view.render("agreements", view).encodeResponse(for: request)
    }

    static func day(_ text: String?, _ t: Translator) -> String? {
        text.flatMap { Timestamp.date($0 + "T00:00:00Z") }.map { t.date($0) }
    }

    struct PageView: Encodable {
        var layout: Layout
        var csrf: String
        var title: String
        var text: String
        var signedOn: String?
        var signatories: [String]
        var actions: [MeetingView.Action]
        var hasActions: Bool
        var canManage: Bool
        var commitmentsHref: SiteRoute

        /// The page from the agreement and its commitments.
        static func make(_ agreement: Agreement, _ context: PageContext) -> PageView {
            let t = context.t
            var actions = MeetingView.actions(context, agreement.commitments)
            if !context.signedIn {
                // The public sees which organisation owns a commitment, not which person.
                for (index, item) in agreement.commitments.enumerated() {
                    actions[index].owner = item.ownerOrganisationName ?? ""
                }
            }
            return PageView(
                layout: Layout(context, title: agreement.title, section: .meetings), csrf: context.csrf,
                title: agreement.title, text: agreement.text, signedOn: day(agreement.signedOn, t),
                signatories: agreement.signatories, actions: actions, hasActions: !actions.isEmpty,
                canManage: context.allows(.manageAgreements),
                commitmentsHref: .commitments(agreementID: agreement.id))
        }
    }

    static func agreement(_ request: Request) async throws -> Agreement {
        guard let id = request.parameters.get("id", as: Int.self),
            let agreement = try await AgreementStore(try request.sql()).agreement(id: id)
        else { throw Abort(.notFound) }
        return agreement
    }

    @Sendable static func show(_ request: Request) async throws -> Vapor.Response {
        let agreement = try await agreement(request)
        return try await request.view.render("agreement", PageView.make(agreement, request.page))
            .encodeResponse(for: request)
    }

    struct FormView: Encodable {
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
    }

    struct AgreementForm: Content {
        var title: String?
        var text: String?
        var signedOn: String?
        var signatoryIDs: [Int]?
    }

    static func formView(
        _ request: Request, agreement: Agreement?, typed: AgreementForm?, task: MeetingTaskForm?,
        errors: [FieldError] = []
    ) async throws -> FormView {
        let t = request.t
        let sql = try request.sql()
        let organisations = try await OrganisationStore(sql).organisations().filter { $0.validTo == nil }
        let users = try await AccountStore(sql).users().filter(\.active)
        let none = SelectOption(value: "", label: t("common.none"), selected: false)
        let clean = MeetingTaskForm.clean
        var form = MeetingTaskView.Typed()
        form.actionTitle = clean(task?.actionTitle)
        form.dueDate = clean(task?.dueDate)
        let heading = agreement.map { t("agreement.addCommitment", ["title": $0.title]) } ?? t("agreement.new")
        let chosen = Set(typed?.signatoryIDs ?? [])
        return FormView(
            layout: Layout(request.page, title: heading, section: .meetings), csrf: request.csrfToken,
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

    @Sendable static func showNew(_ request: Request) async throws -> Vapor.Response {
        try request.require(.manageAgreements)
        let view = try await formView(request, agreement: nil, typed: nil, task: nil)
        return try await request.view.render("agreement-form", view).encodeResponse(for: request)
    }

    static let create = FormPost(
        AgreementForm.self, load: { _ in }, rule: .always(.manageAgreements),
        write: { _, form, write in
            let signedOn = MeetingTaskForm.clean(form.signedOn)
            let id = try await AgreementStore(write.sql).create(
                title: form.title ?? "", text: (form.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                signedOn: signedOn.isEmpty ? nil : signedOn, signatoryIDs: form.signatoryIDs ?? [],
                actor: write.actor)
            return .redirect(.agreement(id))
        },
        refused: { request, _, form, errors in
            let view = try await formView(request, agreement: nil, typed: form, task: nil, errors: errors)
            return try await request.render("agreement-form", view, status: .unprocessableEntity)
        })

    @Sendable static func showCommitmentForm(_ request: Request) async throws -> Vapor.Response {
        try request.require(.manageAgreements)
        let agreement = try await agreement(request)
        let view = try await formView(request, agreement: agreement, typed: nil, task: nil)
        return try await request.view.render("agreement-form", view).encodeResponse(for: request)
    }

    static let addCommitment = FormPost(
        MeetingTaskForm.self, load: agreement, rule: .always(.manageAgreements),
        write: { agreement, form, write in
            _ = try await AgreementStore(write.sql).addCommitment(
                agreement.id, version: form.version ?? 0, form.action(required: true)!, actor: write.actor)
            return .redirect(.agreement(agreement.id))
        },
        refused: { request, agreement, form, errors in
            let view = try await formView(request, agreement: agreement, typed: nil, task: form, errors: errors)
            return try await request.render("agreement-form", view, status: .unprocessableEntity)
        },
        conflict: { request, _, form in
            let current = try await agreement(request)
            let view = try await formView(
                request, agreement: current, typed: nil, task: form,
                errors: [FieldError(field: "version", message: request.t("agreement.conflict"))])
            return try await request.render("agreement-form", view, status: .conflict)
        })
}
