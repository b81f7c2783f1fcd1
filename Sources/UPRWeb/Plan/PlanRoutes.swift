import FluentKit
import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// The plan's routes: matrix views, entries, answers, publishing, history, response changes, export and import.
enum PlanRoutes {

    /// "My recommendations": a focal point's ministry, or a CSO member's first working group.
    @Sendable static func mine(_ request: Request) async throws -> Vapor.Response {
        let user = try request.requireUser()
        if user.account.role == .focalPoint, let organisation = user.account.organisationID {
            return request.redirect(to: SiteRoute.plan(.leadOrganisation(organisation)).href)
        }
        if let group = user.actor.workingGroupIDs.sorted().first {
            return request.redirect(to: SiteRoute.plan(.workingGroup(group)).href)
        }
        return request.redirect(to: SiteRoute.planIndex.href)
    }

    struct AnswerForm: Content {
        var answer: String?
        var comment: String?
        var version: Int?
    }

    @Sendable static func entry(_ request: Request) async throws -> PlanEntry {
        guard let id = request.parameters.get("id", as: Int.self),
            let entry = try await PlanStore(try request.sql()).entry(id: id)
        else { throw Abort(.notFound) }
        return entry
    }

    /// The responsible ministry's answer to a plan entry.
    static let answer = FormPost(
        AnswerForm.self, load: entry,
        rule: .forSubject { .answerPlanEntry(leadOrganisationID: $0.fields.leadOrganisationID) },
        write: { entry, form, write in
            guard let answer = form.answer.flatMap(GovernmentAnswer.init(rawValue:)), let userID = write.userID else {
                throw StoreError.invalid(field: "answer", messageKey: "form.error.choice")
            }
            try await PlanStore(write.sql).answer(
                entry.id, version: form.version ?? 0, answer: answer,
                comment: (form.comment ?? "").trimmingCharacters(in: .whitespacesAndNewlines), userID: userID,
                actor: write.actor)
            return .redirect(.planEntry(entry.id))
        })

    /// Publishing a plan entry, or taking it back to draft.
    static func setStatus(_ status: PlanStatus) -> FormPost<PlanEntry, VersionForm> {
        FormPost(
            load: entry, rule: .forSubject { .draftPlanEntry(workingGroupID: $0.workingGroupID) },
            write: { entry, form, write in
                try await PlanStore(write.sql).setStatus(
                    entry.id, version: form.version ?? 0, status: status, actor: write.actor, actorUserID: write.userID)
                return .redirect(.planEntry(entry.id))
            })
    }

    /// Every change of a plan entry: who, when, which fields, before and after. Read-only by design.
    @Sendable static func history(_ request: Request) async throws -> Vapor.Response {
        let entry = try await entry(request)
        if entry.status == .draft && !Authorization.allows(request.actor, .readDrafts) { throw Abort(.notFound) }
        let t = request.t
        let log = try await AuditLog.history(entity: .planEntry, id: entry.id, on: request.sql())
        let view = HistoryView.make(
            log, heading: t("history.title"), back: .planEntry(entry.id), section: .plan, request.page
        ) { t("plan.field.\($0)") }
        return try await request.view.render("history", view).encodeResponse(for: request)
    }
}
