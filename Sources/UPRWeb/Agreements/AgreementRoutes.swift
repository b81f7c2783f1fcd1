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

        /// The page from the agreements, as the store lists them.
        static func make(_ agreements: [Agreement], _ context: PageContext) -> ListView {
            let t = context.t
            return ListView(
                layout: Layout(context, title: t("agreements.title"), section: .meetings),
                rows: agreements.map {
                    Row(href: SiteRoute.agreement($0.id), title: $0.title, signedOn: day($0.signedOn, t))
                },
                canCreate: context.allows(.manageAgreements))
        }
    }

    @Sendable static func list(_ request: Request) async throws -> Vapor.Response {
        let agreements = try await AgreementStore(try request.sql()).agreements()
        return try await request.view.render("agreements", ListView.make(agreements, request.page))
            .encodeResponse(for: request)
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

    struct AgreementForm: Content {
        var title: String?
        var text: String?
        var signedOn: String?
        var signatoryIDs: [Int]?
    }

    @Sendable static func showNew(_ request: Request) async throws -> Vapor.Response {
        try request.require(.manageAgreements)
        let view = try await AgreementFormView.load(request, agreement: nil, typed: nil, task: nil)
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
            let view = try await AgreementFormView.load(request, agreement: nil, typed: form, task: nil, errors: errors)
            return try await request.render("agreement-form", view, status: .unprocessableEntity)
        })

    @Sendable static func showCommitmentForm(_ request: Request) async throws -> Vapor.Response {
        try request.require(.manageAgreements)
        let agreement = try await agreement(request)
        let view = try await AgreementFormView.load(request, agreement: agreement, typed: nil, task: nil)
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
            let view = try await AgreementFormView.load(
                request, agreement: agreement, typed: nil, task: form, errors: errors)
            return try await request.render("agreement-form", view, status: .unprocessableEntity)
        },
        conflict: { request, _, form in
            let current = try await agreement(request)
            let view = try await AgreementFormView.load(
                request, agreement: current, typed: nil, task: form,
                errors: [FieldError(field: "version", message: request.t("agreement.conflict"))])
            return try await request.render("agreement-form", view, status: .conflict)
        })
}
