import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// One recommendation in one round: every stakeholder's assessment side by side, whether they agree, and the form
/// with which a person records their organisation's own.
struct AssessmentView: Encodable {
    struct Given: Encodable {
        var organisation: String
        var perspective: String
        var status: String
        var statusClass: String
        var justification: String
        var evidenceURL: String?
        var recordedBy: String
    }
    typealias Conflict = ConflictField
    var layout: Layout
    var csrf: String
    var heading: String
    var roundTitle: String
    var roundHref: SiteRoute
    var recommendationText: String
    var recommendationHref: SiteRoute
    var response: String
    var given: [Given]
    var hasGiven: Bool
    var agreement: String
    var disagree: Bool
    var canAssess: Bool
    var isClosed: Bool
    var formHeading: String
    /// The organisations an administrator may record for (a stakeholder that sent its assessment on paper); empty
    /// for everyone else, who records for their own organisation.
    var organisations: [SelectOption]
    var choosesOrganisation: Bool
    var statuses: [SelectOption]
    var justification: String
    var evidenceURL: String
    var version: Int
    var errors: [FieldError]
    var hasErrors: Bool
    var conflicts: [Conflict]
    var hasConflicts: Bool

    struct Form: Content {
        var organisationID: Int?
        var status: String?
        var justification: String?
        var evidenceURL: String?
        var version: Int?
    }

    static func build(
        _ request: Request, round: AssessmentRound, form: Form? = nil, errors: [FieldError] = [],
        conflicts: [Conflict] = []
    ) async throws -> AssessmentView {
        guard let id = request.parameters.get("id", as: Int.self) else { throw Abort(.notFound) }
        let sql = try request.sql()
        let store = AssessmentStore(sql)
        guard let detail = try await RecommendationDetail.load(id: id, on: sql), try await store.inScope(round, id)
        else { throw Abort(.notFound) }
        let t = request.t
        let assessments = try await store.assessments(round: round.id, recommendation: id)
        let user = request.currentUser
        let isAdministrator = user?.account.role == .administrator
        let organisations: [Organisation] =
            isAdministrator ? try await OrganisationStore(sql).organisations().filter { $0.validTo == nil } : []
        let organisationID =
            recordingOrganisation(user?.account, chosen: form?.organisationID) ?? organisations.first?.id
        let own = assessments.first { $0.organisationID == organisationID }
        let canAssess =
            round.status == .open
            && organisationID.map { Authorization.allows(request.actor, .assess(organisationID: $0)) }
                == true
        let chosen = form?.status.flatMap(ImplementationStatus.init(rawValue:)) ?? own?.status
        let reference = detail.recommendation.paragraph ?? "#\(id)"
        return AssessmentView(
            layout: Layout(request.page, title: t("assessment.title", ["ref": reference]), section: .assessments),
            csrf: request.csrfToken,
            heading: t("assessment.title", ["ref": reference]) + " – " + detail.recommendation.stateUnderReview,
            roundTitle: round.title, roundHref: SiteRoute.round(round.id),
            recommendationText: detail.recommendation.text,
            recommendationHref: SiteRoute.recommendation(id),
            response: t.response(detail.recommendation.response),
            given: assessments.map { assessment in
                Given(
                    organisation: assessment.organisationName, perspective: t(assessment.perspective.labelKey),
                    status: t(assessment.status.labelKey), statusClass: assessment.status.rawValue,
                    justification: assessment.justification, evidenceURL: assessment.evidenceURL,
                    recordedBy: [assessment.recordedByName, Timestamp.date(assessment.updatedAt).map { t.date($0) }]
                        .compactMap { $0 }.joined(separator: ", "))
            },
            hasGiven: !assessments.isEmpty,
            agreement: t("agreement.\(AssessmentAgreement(assessments.map(\.status)).rawValue)"),
            disagree: AssessmentAgreement(assessments.map(\.status)) == .disagree, canAssess: canAssess,
            isClosed: round.status == .closed,
            formHeading: own == nil ? t("assessment.record") : t("assessment.change"),
            organisations: organisations.map {
                SelectOption(value: String($0.id), label: $0.name, selected: $0.id == organisationID)
            },
            choosesOrganisation: isAdministrator,
            statuses: ImplementationStatus.allCases.map {
                SelectOption(value: $0.rawValue, label: t($0.labelKey), selected: $0 == chosen)
            },
            justification: form?.justification ?? own?.justification ?? "",
            evidenceURL: form?.evidenceURL ?? own?.evidenceURL ?? "",
            version: form?.version ?? own?.version ?? 0, errors: errors, hasErrors: !errors.isEmpty,
            conflicts: conflicts, hasConflicts: !conflicts.isEmpty)
    }

    /// Whose assessment a person records: administrators the organisation they choose (a stakeholder that sent its
    /// assessment on paper), everyone else their own, whatever the form says.
    static func recordingOrganisation(_ account: UserAccount?, chosen: Int?) -> Int? {
        guard let account else { return nil }
        return account.role == .administrator ? (chosen ?? account.organisationID) : account.organisationID
    }

    @Sendable static func show(_ request: Request) async throws -> Vapor.Response {
        let round = try await AssessmentRoutes.round(request)
        return try await request.view.render("assessment", build(request, round: round)).encodeResponse(for: request)
    }

    static let save = FormPost(
        Form.self,
        load: { request in
            let round = try await AssessmentRoutes.round(request)
            return (round: round, recommendation: try request.pathID())
        }, rule: .byForm,
        write: { subject, form, write in
            guard
                let organisation = recordingOrganisation(
                    write.request.currentUser?.account, chosen: form.organisationID)
            else { throw Abort(.forbidden) }
            try write.require(.assess(organisationID: organisation))
            _ = try await AssessmentStore(write.sql).save(
                round: subject.round.id, recommendation: subject.recommendation, organisationID: organisation,
                input: input(form), version: form.version ?? 0, userID: write.principal.userID, actor: write.actor)
            return .redirect(.assessment(round: subject.round.id, recommendationID: subject.recommendation))
        },
        refused: { request, subject, form, errors in
            let view = try await build(request, round: subject.round, form: form, errors: errors)
            return try await request.render("assessment", view, status: .unprocessableEntity)
        },
        conflict: { request, subject, form in
            // Someone of the same organisation saved first: show theirs beside what this person typed.
            let t = request.t
            let organisation = recordingOrganisation(request.currentUser?.account, chosen: form.organisationID)
            let current = try await AssessmentStore(try request.sql()).assessments(
                round: subject.round.id, recommendation: subject.recommendation
            ).first { $0.organisationID == organisation }
            let input = input(form)
            var fresh = form
            fresh.version = current?.version ?? 0
            let conflicts = [
                Conflict(
                    label: t("assessment.status"), theirs: current.map { t($0.status.labelKey) } ?? "",
                    yours: input.status.map { t($0.labelKey) } ?? ""),
                Conflict(
                    label: t("assessment.justification"), theirs: current?.justification ?? "",
                    yours: input.justification),
                Conflict(
                    label: t("assessment.evidence"), theirs: current?.evidenceURL ?? "", yours: input.evidenceURL),
            ].filter { $0.theirs != $0.yours }
            let view = try await build(
                request, round: subject.round, form: fresh,
                errors: [FieldError(field: "status", message: t("assessment.conflict"))], conflicts: conflicts)
            return try await request.render("assessment", view, status: .conflict)
        })

    /// What the form says, as the store takes it.
    static func input(_ form: Form) -> AssessmentInput {
        AssessmentInput(
            status: form.status.flatMap(ImplementationStatus.init(rawValue:)), justification: form.justification ?? "",
            evidenceURL: form.evidenceURL ?? "")
    }
}
