import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// The plan entry of one recommendation: what the working group proposes, what the ministry answered, and the
/// forms each may use.
struct PlanEntryView: Encodable {
    struct Field: Encodable {
        var label: String
        var value: String
    }
    typealias Option = SelectOption
    var layout: Layout
    var csrf: String
    var heading: String
    var recommendationText: String
    var recommendationHref: SiteRoute
    var status: String
    var statusClass: String
    var fields: [Field]
    var answer: String?
    var answerComment: String?
    var answeredBy: String?
    var canEdit: Bool
    var canAnswer: Bool
    var canPublish: Bool
    var isPublished: Bool
    var editHref: SiteRoute
    var historyHref: SiteRoute
    var answerAction: SiteRoute
    var publishAction: SiteRoute
    var unpublishAction: SiteRoute
    var version: Int
    var answerOptions: [Option]
    var indicatorLinks: IndicatorLinks
    var otherMechanisms: OtherMechanismsSection
    var discussion: DiscussionSection

    static func load(_ request: Request) async throws -> PlanEntryView {
        guard let id = request.parameters.get("id", as: Int.self) else { throw Abort(.notFound) }
        let sql = try request.sql()
        guard let entry = try await PlanStore(sql).entry(id: id) else { throw Abort(.notFound) }
        let context = request.page
        if entry.status == .draft && !context.allows(.readDrafts) { throw Abort(.notFound) }
        guard let detail = try await RecommendationDetail.load(id: entry.recommendationID, on: sql) else {
            throw Abort(.notFound)
        }
        let mechanisms = try await OtherMechanismsSection.load(
            request, recommendationID: entry.recommendationID, mechanism: detail.recommendation.mechanism,
            entry: entry)
        return make(
            entry: entry, recommendation: detail.recommendation,
            mechanisms: OtherMechanismsSection.make(
                mechanisms, entry: entry, recommendationID: entry.recommendationID,
                threshold: request.application.site.otherMechanismsThreshold, context),
            indicatorLinks: try await IndicatorLinks.load(
                request, recommendationID: nil, entry: (id: entry.id, group: entry.workingGroupID)),
            discussion: try await DiscussionSection.load(request, subject: CommentSubject(.planEntry, entry.id)),
            context)
    }

    /// The page from the entry (one the person may read), its recommendation and its sections.
    static func make(
        entry: PlanEntry, recommendation: RecommendationSummary, mechanisms: OtherMechanismsSection,
        indicatorLinks: IndicatorLinks,
        discussion: DiscussionSection, _ context: PageContext
    ) -> PlanEntryView {
        let t = context.t
        let f = entry.fields
        var fields: [Field] = [
            Field(label: t("plan.workingGroup"), value: entry.workingGroupName),
            Field(label: t("plan.goal"), value: f.goal),
            Field(label: t("plan.expectedAction"), value: f.expectedAction),
            Field(label: t("plan.indicators"), value: f.indicators),
            Field(label: t("plan.lead"), value: entry.leadOrganisationName ?? ""),
            Field(label: t("plan.supporters"), value: entry.supporterNames.joined(separator: ", ")),
            Field(label: t("plan.otherNational"), value: f.otherMechanismsNational),
            Field(label: t("plan.otherInternational"), value: entry.internationalColumn),
        ]
        if !f.linkedRecommendationIDs.isEmpty {
            fields.append(
                Field(label: t("plan.links"), value: f.linkedRecommendationIDs.map { "#\($0)" }.joined(separator: ", "))
            )
        }
        fields.append(Field(label: t("plan.start"), value: f.startDate ?? ""))
        fields.append(Field(label: t("plan.due"), value: f.dueDate ?? ""))
        fields.append(Field(label: t("plan.priority"), value: f.priority.map { t("priority.\($0.rawValue)") } ?? ""))
        fields.append(Field(label: t("plan.csoActivities"), value: f.csoActivities))
        let reference = recommendation.paragraph ?? "#\(recommendation.id)"
        return PlanEntryView(
            layout: Layout(context, title: t("plan.entry.title", ["ref": reference]), section: .plan),
            csrf: context.csrf,
            heading: t("plan.entry.title", ["ref": reference]) + " – " + recommendation.stateUnderReview,
            recommendationText: recommendation.text,
            recommendationHref: SiteRoute.recommendation(recommendation.id),
            status: t("status.\(entry.status.rawValue)"), statusClass: entry.status.rawValue,
            fields: fields.filter { !$0.value.isEmpty },
            answer: entry.governmentAnswer.map { t("answer.\($0.rawValue)") },
            answerComment: entry.governmentComment.isEmpty ? nil : entry.governmentComment,
            answeredBy: entry.answeredByName.map { name in
                name + (entry.answeredAt.flatMap(Timestamp.date).map { ", " + t.date($0) } ?? "")
            },
            canEdit: context.allows(.draftPlanEntry(workingGroupID: entry.workingGroupID)),
            canAnswer: context.allows(.answerPlanEntry(leadOrganisationID: f.leadOrganisationID)),
            canPublish: context.allows(.draftPlanEntry(workingGroupID: entry.workingGroupID)),
            isPublished: entry.status == .published,
            editHref: SiteRoute.planEditor(recommendationID: recommendation.id),
            historyHref: SiteRoute.planEntryHistory(entry.id),
            answerAction: .planEntryAnswer(entry.id), publishAction: .planEntryPublish(entry.id),
            unpublishAction: .planEntryUnpublish(entry.id), version: entry.version,
            answerOptions: GovernmentAnswer.allCases.map {
                Option(value: $0.rawValue, label: t("answer.\($0.rawValue)"), selected: $0 == entry.governmentAnswer)
            }, indicatorLinks: indicatorLinks, otherMechanisms: mechanisms, discussion: discussion)
    }
}
