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

    /// What the page is built from: the round, the recommendation, every assessment of it in the round, and the
    /// organisations for an administrator, who records for one of the active ones (empty for everyone else).
    struct Facts: Sendable {
        var round: AssessmentRound
        var recommendation: RecommendationSummary
        var assessments: [Assessment]
        var organisations: [Organisation]
    }

    /// The facts of the recommendation of the path in `round`, or 404 when it is not in the round's scope.
    static func load(_ request: Request, round: AssessmentRound) async throws -> Facts {
        guard let id = request.parameters.get("id", as: Int.self) else { throw Abort(.notFound) }
        let sql = try request.sql()
        let store = AssessmentStore(sql)
        guard let detail = try await RecommendationDetail.load(id: id, on: sql), try await store.inScope(round, id)
        else { throw Abort(.notFound) }
        let assessments = try await store.assessments(round: round.id, recommendation: id)
        let organisations: [Organisation] =
            request.actor?.role == .administrator ? try await OrganisationStore(sql).organisations() : []
        return Facts(
            round: round, recommendation: detail.recommendation, assessments: assessments,
            organisations: organisations)
    }

    /// The page from its facts, with what the person typed (a refusal, a conflict) or their organisation's saved
    /// assessment.
    static func build(
        _ context: PageContext, _ facts: Facts, form: Form? = nil, errors: [FieldError] = [],
        conflicts: [Conflict] = []
    ) -> AssessmentView {
        let t = context.t
        let (round, recommendation, assessments) = (facts.round, facts.recommendation, facts.assessments)
        let isAdministrator = context.principal?.role == .administrator
        let organisations = facts.organisations.filter { $0.validTo == nil }
        let organisationID =
            recordingOrganisation(context.principal, chosen: form?.organisationID) ?? organisations.first?.id
        let own = assessments.first { $0.organisationID == organisationID }
        let canAssess =
            round.status == .open && organisationID.map { context.allows(.assess(organisationID: $0)) } == true
        let chosen = form?.status.flatMap(ImplementationStatus.init(rawValue:)) ?? own?.status
        let reference = recommendation.paragraph ?? "#\(recommendation.id)"
        return AssessmentView(
            layout: Layout(context, title: t("assessment.title", ["ref": reference]), section: .assessments),
            csrf: context.csrf,
            heading: t("assessment.title", ["ref": reference]) + " – " + recommendation.stateUnderReview,
            roundTitle: round.title, roundHref: SiteRoute.round(round.id),
            recommendationText: recommendation.text,
            recommendationHref: SiteRoute.recommendation(recommendation.id),
            response: t.response(recommendation.response),
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
    static func recordingOrganisation(_ person: Principal?, chosen: Int?) -> Int? {
        guard let person else { return nil }
        return person.role == .administrator ? (chosen ?? person.organisationID) : person.organisationID
    }

    @Sendable static func show(_ request: Request) async throws -> Vapor.Response {
        let facts = try await load(request, round: try await AssessmentRoutes.round(request))
        return try await request.view.render("assessment", build(request.page, facts)).encodeResponse(for: request)
    }

    static let save = FormPost(
        Form.self,
        load: { request in
            let round = try await AssessmentRoutes.round(request)
            return (round: round, recommendation: try request.pathID())
        }, rule: .byForm,
        write: { subject, form, write in
            guard let organisation = recordingOrganisation(write.principal, chosen: form.organisationID) else {
                throw Abort(.forbidden)
            }
            try write.require(.assess(organisationID: organisation))
            _ = try await AssessmentStore(write.sql).save(
                round: subject.round.id, recommendation: subject.recommendation, organisationID: organisation,
                input: input(form), version: form.version ?? 0, userID: write.principal.userID, actor: write.actor)
            return .redirect(.assessment(round: subject.round.id, recommendationID: subject.recommendation))
        },
        refused: { request, subject, form, errors in
            let facts = try await load(request, round: subject.round)
            let view = build(request.page, facts, form: form, errors: errors)
            return try await request.render("assessment", view, status: .unprocessableEntity)
        },
        conflict: { request, subject, form in
            // Someone of the same organisation saved first: show theirs beside what this person typed.
            let t = request.t
            let organisation = recordingOrganisation(request.actor, chosen: form.organisationID)
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
            let view = build(
                request.page, try await load(request, round: subject.round), form: fresh,
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
