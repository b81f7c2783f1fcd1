import FluentKit
import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// Drafting or editing the plan entry of a recommendation. When someone else saved first, the same page comes back
/// with their version beside what this person typed, so nothing is lost.
struct PlanEditorView: Encodable {
    typealias Option = SelectOption
    typealias Conflict = ConflictField
    var layout: Layout
    var csrf: String
    var heading: String
    var recommendationText: String
    var recommendationHref: SiteRoute
    var action: SiteRoute
    var version: Int
    var isNew: Bool
    var groups: [Option]
    var leads: [Option]
    var supporters: [Option]
    var priorities: [Option]
    var goal: String
    var expectedAction: String
    var indicators: String
    var otherMechanismsNational: String
    var otherMechanismsInternational: String
    var linkedRecommendations: String
    var startDate: String
    var dueDate: String
    var csoActivities: String
    /// The same or nearly the same recommendation made to the state in another cycle or by another mechanism,
    /// offered for the "other mechanisms" field.
    var similar: [SimilarChoice]
    var hasSimilar: Bool
    /// The treaty-body and special-procedure recommendations accepted for the "international" field and suggested
    /// for it, each with its one-click form (outside the entry's form: forms do not nest).
    var otherMechanisms: OtherMechanismsSection
    var errors: [FieldError]
    var hasErrors: Bool
    var conflicts: [Conflict]
    var hasConflict: Bool

    struct SimilarChoice: Encodable {
        var row: SimilarSection.Row
        var linked: Bool
    }

    /// What the editor is built from and the form acts on: the recommendation, its entry (nil before the first
    /// save), the working groups and organisations to choose from, and the similar recommendations.
    struct Facts: Sendable {
        var recommendation: RecommendationSummary
        var entry: PlanEntry?
        var groups: [WorkingGroup]
        var organisations: [Organisation]
        var similar: [SimilarRecommendation]
        var mechanisms = OtherMechanismsSection.Facts(isUPR: true, suggestions: [], acceptances: [])
        var threshold = OtherMechanisms.defaultMinimumScore
    }

    static func load(_ request: Request) async throws -> Facts {
        guard let id = request.parameters.get("id", as: Int.self) else { throw Abort(.notFound) }
        let sql = try request.sql()
        guard let detail = try await RecommendationDetail.load(id: id, on: sql) else { throw Abort(.notFound) }
        let entry = try await PlanStore(sql).entry(recommendationID: id)
        // A concern or observation has no plan entry to draft (the store refuses one too), so it has no editor.
        if entry == nil, detail.recommendation.kind == .concernObservation {
            throw Abort(.notFound, reason: request.t("plan.error.concern"))
        }
        let store = OrganisationStore(sql)
        return Facts(
            recommendation: detail.recommendation, entry: entry, groups: try await store.workingGroups(),
            organisations: try await store.organisations(),
            similar: try await SimilarRecommendations.load(
                id: id, scope: .sameStateElsewhere, terms: false, cache: request.application.similarityCache, on: sql)
                ?? [],
            mechanisms: try await OtherMechanismsSection.load(
                request, recommendationID: id, mechanism: detail.recommendation.mechanism, entry: entry),
            threshold: request.application.site.otherMechanismsThreshold)
    }

    /// The groups this person may draft for; for an existing entry, only its own group.
    static func allowedGroups(_ context: PageContext, _ facts: Facts) -> [WorkingGroup] {
        if let entry = facts.entry { return facts.groups.filter { $0.id == entry.workingGroupID } }
        return facts.groups.filter { context.allows(.draftPlanEntry(workingGroupID: $0.id)) }
    }

    /// The editor with `fields` in it, for the group `groupID` (a new entry's is suggested when nil).
    static func build(
        _ context: PageContext, _ facts: Facts, fields: PlanEntryFields, groupID: Int?, version: Int,
        errors: [FieldError] = [], conflicts: [Conflict] = []
    ) -> PlanEditorView {
        let t = context.t
        let recommendation = facts.recommendation
        let reference = recommendation.paragraph ?? "#\(recommendation.id)"
        // Suggest the group of the recommendation's first cluster for a new entry.
        let suggested =
            groupID
            ?? facts.groups.first { group in recommendation.clusters.contains { $0 == group.cluster } }?.id
        let government = facts.organisations.filter { $0.kind.isGovernment && $0.validTo == nil }
        return PlanEditorView(
            layout: Layout(context, title: t("plan.edit.title", ["ref": reference]), section: .plan),
            csrf: context.csrf,
            heading: t(facts.entry == nil ? "plan.new.title" : "plan.edit.title", ["ref": reference]),
            recommendationText: recommendation.text,
            recommendationHref: SiteRoute.recommendation(recommendation.id),
            action: SiteRoute.planEditor(recommendationID: recommendation.id), version: version,
            isNew: facts.entry == nil,
            groups: allowedGroups(context, facts).map {
                Option(value: String($0.id), label: $0.name, selected: $0.id == suggested)
            },
            leads: [Option(value: "", label: t("common.none"), selected: fields.leadOrganisationID == nil)]
                + government.map {
                    Option(value: String($0.id), label: $0.name, selected: $0.id == fields.leadOrganisationID)
                },
            supporters: facts.organisations.filter { $0.validTo == nil }.map {
                Option(value: String($0.id), label: $0.name, selected: fields.supporterIDs.contains($0.id))
            },
            priorities: [Option(value: "", label: t("common.none"), selected: fields.priority == nil)]
                + Priority.allCases.map {
                    Option(value: $0.rawValue, label: t("priority.\($0.rawValue)"), selected: $0 == fields.priority)
                },
            goal: fields.goal, expectedAction: fields.expectedAction, indicators: fields.indicators,
            otherMechanismsNational: fields.otherMechanismsNational,
            otherMechanismsInternational: fields.otherMechanismsInternational,
            linkedRecommendations: fields.linkedRecommendationIDs.map { "#\($0)" }.joined(separator: ", "),
            startDate: fields.startDate ?? "", dueDate: fields.dueDate ?? "", csoActivities: fields.csoActivities,
            similar: facts.similar.map {
                SimilarChoice(
                    row: SimilarSection.Row($0, t),
                    linked: fields.linkedRecommendationIDs.contains($0.recommendation.id))
            },
            hasSimilar: !facts.similar.isEmpty,
            otherMechanisms: OtherMechanismsSection.make(
                facts.mechanisms, entry: facts.entry, recommendationID: recommendation.id, threshold: facts.threshold,
                context),
            errors: errors, hasErrors: !errors.isEmpty, conflicts: conflicts, hasConflict: !conflicts.isEmpty)
    }

    @Sendable static func show(_ request: Request) async throws -> Vapor.Response {
        let facts = try await load(request)
        if let entry = facts.entry {
            try request.require(.draftPlanEntry(workingGroupID: entry.workingGroupID))
        } else if allowedGroups(request.page, facts).isEmpty {
            throw Abort(request.currentUser == nil ? .unauthorized : .forbidden)
        }
        let view = build(
            request.page, facts, fields: facts.entry?.fields ?? PlanEntryFields(), groupID: facts.entry?.workingGroupID,
            version: facts.entry?.version ?? 0)
        return try await request.view.render("plan-edit", view).encodeResponse(for: request)
    }

    static let save = FormPost(
        PlanForm.self, load: load, rule: .byForm,
        write: { facts, form, write in
            try write.require(.draftPlanEntry(workingGroupID: groupID(facts, form)))
            let fields = try saving(form, facts, write.request.t)
            let store = PlanStore(write.sql)
            let entryID: Int
            if let entry = facts.entry {
                try await store.update(
                    entry.id, version: form.version ?? 0, fields: fields, actor: write.actor,
                    actorUserID: write.principal.userID)
                entryID = entry.id
            } else {
                entryID = try await store.create(
                    recommendationID: facts.recommendation.id, workingGroupID: groupID(facts, form), fields: fields,
                    userID: write.principal.userID, actor: write.actor)
            }
            // After filling from the similar recommendations, the person is back in the editor with the result.
            return form.intent == "link-similar"
                ? .redirect(.planEditor(recommendationID: facts.recommendation.id), at: "f-similarIDs")
                : .redirect(.planEntry(entryID))
        },
        refused: { request, facts, form, errors in
            // The form back as typed, with what is wrong: the saved fields when the typed ones could not be read,
            // the typed ones when the similar recommendations could not be added.
            let fields =
                (try? saving(form, facts, request.t)) ?? (try? form.fields()) ?? facts.entry?.fields
                ?? PlanEntryFields()
            return try await render(
                request,
                build(
                    request.page, facts, fields: fields, groupID: groupID(facts, form), version: form.version ?? 0,
                    errors: errors), .unprocessableEntity)
        },
        conflict: { request, facts, form in
            // Someone saved first: show their version beside this person's, keep what was typed in the form.
            let t = request.t
            let fields = try saving(form, facts, t)
            let current = try await PlanStore(try request.sql()).entry(recommendationID: facts.recommendation.id)
            let conflicts = Conflict.rows(theirs: current?.fields.asText ?? [:], yours: fields.asText) {
                t("plan.field.\($0)")
            }
            return try await render(
                request,
                build(
                    request.page, facts, fields: fields, groupID: groupID(facts, form), version: current?.version ?? 0,
                    errors: [FieldError(field: "goal", message: t("plan.conflict.message"))], conflicts: conflicts),
                .conflict)
        })

    /// The working group the entry is for: its own, or for a new entry the one the form chose.
    static func groupID(_ facts: Facts, _ form: PlanForm) -> Int {
        facts.entry?.workingGroupID ?? form.workingGroupID ?? 0
    }

    /// The fields to save: as typed, with the ticked similar recommendations added when that was asked for.
    static func saving(_ form: PlanForm, _ facts: Facts, _ t: Translator) throws -> PlanEntryFields {
        let typed = try form.fields()
        return form.intent == "link-similar" ? try linking(form.similarIDs ?? [], from: facts, into: typed, t) : typed
    }

    /// The entry's fields with the ticked similar recommendations added: as linked recommendations, and as one line
    /// each in the "international" column of the matrix (the mechanisms in the registry are all international ones).
    /// What the person typed stays; a recommendation already named there is not added twice.
    static func linking(_ ids: [Int], from facts: Facts, into fields: PlanEntryFields, _ t: Translator) throws
        -> PlanEntryFields
    {
        guard !ids.isEmpty else {
            throw StoreError.invalid(field: "similarIDs", messageKey: "plan.error.chooseSimilar")
        }
        var fields = fields
        var lines: [String] = []
        for id in ids where !fields.linkedRecommendationIDs.contains(id) {
            fields.linkedRecommendationIDs.append(id)
            guard let similar = facts.similar.first(where: { $0.recommendation.id == id }),
                !fields.otherMechanismsInternational.contains("#\(id)")
            else { continue }
            let row = SimilarSection.Row(similar, t)
            lines.append(
                t(
                    "plan.similarLine",
                    ["reference": row.reference, "cycle": row.cycle, "source": row.source, "id": String(id)]))
        }
        let typed = fields.otherMechanismsInternational
        fields.otherMechanismsInternational = ([typed].filter { !$0.isEmpty } + lines).joined(separator: "\n")
        return fields
    }

    static func render(_ request: Request, _ view: PlanEditorView, _ status: HTTPStatus) async throws -> Vapor.Response
    {
        return try await request.render("plan-edit", view, status: status)
    }
}
