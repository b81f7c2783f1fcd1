import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// One recommendation: all its fields, the history of the state's response, where it was read from, and the other
/// recommendations of the same report paragraph.
struct RecommendationView: Encodable {
    struct Field: Encodable {
        var label: String
        var value: String
        var href: SiteRoute?
    }
    struct Event: Encodable {
        var response: String
        var date: String
        var source: String
        var note: String
    }
    struct Source: Encodable {
        var file: String
        var row: String
        var importedAt: String
        /// The import's page, for those who may read the import history.
        var importHref: SiteRoute?
    }
    struct Sibling: Encodable {
        var href: SiteRoute
        var reference: String
        var text: String
        var response: String
    }
    /// One label with who set it; `code` is set when a person may confirm or reject it here.
    struct Label: Encodable {
        var label: String
        var href: SiteRoute?
        /// "suggested by the classifier, 83%", "confirmed by a person"; nil for the source's own labels.
        var origin: String?
        var originClass: String
        var code: String?
        var canConfirm: Bool
    }
    struct LabelGroup: Encodable {
        var label: String
        var terms: [Label]
    }
    /// The forms a person who may review labels sees.
    struct Review: Encodable {
        var action: SiteRoute
        var csrf: String
        var version: Int
        var issues: [SelectOption]
        var actionCategories: [SelectOption]
    }

    var layout: Layout
    var heading: String
    var text: String
    /// The state's response, or for a concern or observation (which no state answers) the kind of record.
    var response: String
    var responseClass: String
    /// Why a concern or observation has no response and no plan entry; nil for a recommendation.
    var concernNote: String?
    /// Plan entries, indicators and the other mechanisms' matches are for recommendations; a concern has none.
    var isPlannable: Bool
    var fields: [Field]
    var termGroups: [LabelGroup]
    var hasTerms: Bool
    var actionLabel: Label?
    var review: Review?
    var similar: SimilarSection
    var otherMechanisms: OtherMechanismsSection
    var recurrence: String?
    var recurringHref: SiteRoute?
    var errors: [FieldError]
    var hasErrors: Bool
    var hasSiblings: Bool
    var history: [Event]
    var sources: [Source]
    var siblings: [Sibling]
    var siblingsHeading: String
    var apiHref: SiteRoute
    var stateHref: SiteRoute
    /// The plan entry, when there is one this person may see.
    var planHref: SiteRoute?
    var planStatus: String?
    var draftHref: SiteRoute?
    var changeResponseHref: SiteRoute?
    var indicatorLinks: IndicatorLinks
    /// The follow button (or, for the public, a sign-in link), already escaped.
    var subscribe: SafeHTML
    var discussion: DiscussionSection

    static func load(_ request: Request) async throws -> RecommendationView {
        try await build(request)
    }

    /// The page; `errors` when a label form comes back refused.
    static func build(_ request: Request, errors: [FieldError] = []) async throws -> RecommendationView {
        guard let id = request.parameters.get("id", as: Int.self) else { throw Abort(.notFound) }
        // The similar recommendations need only the id, so they are looked up while the rest is read.
        async let similar = SimilarSection.load(request, id: id)
        async let discussion = DiscussionSection.load(request, subject: CommentSubject(.recommendation, id))
        let sql = try request.sql()
        guard let detail = try await RecommendationDetail.load(id: id, on: sql) else { throw Abort(.notFound) }
        let entry = try await PlanStore(sql).entry(recommendationID: id)
        let mechanisms = try await OtherMechanismsSection.load(
            request, recommendationID: id, mechanism: detail.recommendation.mechanism, entry: entry)
        let indicatorLinks = try await IndicatorLinks.load(
            request, recommendationID: id, entry: entry.map { (id: $0.id, group: $0.workingGroupID) })
        let subscribe = try await SubscribeButton.html(
            request, .recommendation, key: String(id), name: heading(detail.recommendation, request.t))
        return make(
            detail: detail, entry: entry, similar: try await similar, mechanisms: mechanisms,
            threshold: request.application.site.otherMechanismsThreshold, discussion: try await discussion,
            indicatorLinks: indicatorLinks, subscribe: subscribe, errors: errors, request.page)
    }

    /// "Recommendation 118.3 to Mongolia" (or without its paragraph when the source gives none); a concern or
    /// observation is about the state, not made to it.
    static func heading(_ item: RecommendationSummary, _ t: Translator) -> String {
        let kindLabel = t("kind.\(item.kind.rawValue)")
        let about = item.kind == .concernObservation
        if let paragraph = item.paragraph {
            return t(
                about ? "rec.headingAboutParagraph" : "rec.headingParagraph",
                ["kind": kindLabel, "paragraph": paragraph, "state": item.stateUnderReview])
        }
        return t(about ? "rec.headingAbout" : "rec.heading", ["kind": kindLabel, "state": item.stateUnderReview])
    }

    /// The page from the recommendation's record, its plan entry (any status: a draft is linked only for those
    /// who may read drafts) and its sections.
    static func make(
        detail: RecommendationDetail, entry: PlanEntry?, similar: SimilarSection,
        mechanisms: OtherMechanismsSection.Facts, threshold: Double, discussion: DiscussionSection,
        indicatorLinks: IndicatorLinks, subscribe: SafeHTML, errors: [FieldError], _ context: PageContext
    ) -> RecommendationView {
        let t = context.t
        let canReview = context.allows(.reviewLabels)
        let item = detail.recommendation
        let heading = heading(item, t)
        var fields: [Field] = [
            Field(
                label: t("rec.state"), value: item.stateUnderReview, href: SiteRoute.state(item.stateUnderReview))
        ]
        // UHRI lists every state a record concerns; one that names only the state under review says nothing new.
        if item.statesConcerned.contains(where: { $0.lowercased() != item.stateUnderReview.lowercased() }) {
            fields.append(
                Field(label: t("rec.statesConcerned"), value: item.statesConcerned.joined(separator: ", "), href: nil))
        }
        if !item.recommendingStates.isEmpty {
            fields.append(
                Field(
                    label: item.kind == .voluntaryPledge
                        ? t("rec.pledgedBy") : t("rec.recommendingStates"),
                    value: item.recommendingStates.joined(separator: ", "), href: nil))
        }
        if let cycle = item.cycle {
            fields.append(
                Field(
                    label: t("rec.cycle"), value: t("cycle.n", ["n": String(cycle)]) + " (" + Cycle.years(cycle) + ")",
                    href: nil))
        }
        if let session = item.session {
            var filter = RecommendationFilter()
            filter.state = item.stateUnderReview
            filter.session = session
            fields.append(
                Field(label: t("rec.session"), value: String(session), href: SiteRoute.recommendations(filter)))
        }
        if let symbol = detail.reportSymbol {
            // Every record of the same document: a committee's concluding observations read as one text.
            var filter = RecommendationFilter()
            filter.symbol = symbol
            // Only the UPR's documents are Working Group reports; a committee's are its concluding observations.
            fields.append(
                Field(
                    label: t(item.mechanism == .upr ? "rec.report" : "rec.document"), value: symbol,
                    href: SiteRoute.recommendations(filter)))
        }
        if let paragraph = item.paragraph {
            fields.append(Field(label: t("rec.paragraph"), value: paragraph, href: nil))
        }
        if let published = item.publicationDate {
            fields.append(Field(label: t("rec.publicationDate"), value: t.day(published), href: nil))
        }
        if let source = detail.responseSource {
            fields.append(Field(label: t("rec.responseSource"), value: source, href: nil))
        }
        // The words UHRI used, beside the response they were read as ("Supported/Noted" reads as noted).
        if let position = item.positionAsGiven {
            fields.append(Field(label: t("rec.positionAsGiven"), value: position, href: nil))
        }
        var sameMechanism = RecommendationFilter()
        sameMechanism.state = item.stateUnderReview
        sameMechanism.mechanism = .one(item.mechanism)
        fields.append(
            Field(
                label: t("rec.mechanism"), value: t.mechanism(item.mechanism),
                href: SiteRoute.recommendations(sameMechanism)))
        if let body = item.recommendingBody {
            // Finer than the mechanism: a committee's optional protocol, or one special procedure's mandate.
            var sameBody = RecommendationFilter()
            sameBody.body = body
            fields.append(Field(label: t("rec.body"), value: body, href: SiteRoute.recommendations(sameBody)))
        }
        if let indexed = item.indexedDate {
            fields.append(Field(label: t("rec.indexedDate"), value: t.day(indexed), href: nil))
        }
        if let group = detail.regionalGroup {
            fields.append(Field(label: t("rec.regionalGroup"), value: t.region(group), href: nil))
        }
        // The regions UHRI names for a record about one state are that state's group, already shown above.
        let regions = item.regionsConcerned.map(t.region)
        if !regions.isEmpty, regions != [detail.regionalGroup.map(t.region)] {
            fields.append(Field(label: t("rec.regionsConcerned"), value: regions.joined(separator: ", "), href: nil))
        }

        let order: [Taxonomy] = [.cluster, .issue, .theme, .affectedPersons, .sdg, .sdgTarget]
        let termGroups: [LabelGroup] = order.compactMap { taxonomy in
            let terms = detail.terms.filter { $0.taxonomy == taxonomy.rawValue }
            guard !terms.isEmpty else { return nil }
            return LabelGroup(
                label: t(taxonomy.labelKey),
                terms: terms.map { term in
                    let label: String
                    switch taxonomy {
                    case .cluster: label = Cluster(rawValue: term.code).map(t.cluster) ?? term.name
                    case .issue: label = t.issue(term.name)
                    case .sdg: label = Int(term.code).map { "\($0). " + t.sdg($0) } ?? term.name
                    case .affectedPersons: label = t.affectedPersons(term.name)
                    // The seeded targets are named by their codes; a title, when a term has one, follows the code.
                    case .sdgTarget:
                        label = term.name.lowercased() == term.code ? term.code : "\(term.code) – \(term.name)"
                    default: label = term.name
                    }
                    var filter = RecommendationFilter()
                    switch taxonomy {
                    case .cluster: filter.cluster = Cluster(rawValue: term.code)
                    case .issue, .theme: filter.issue = term.code
                    case .sdgTarget: filter.sdgTarget = SDGTarget(code: term.code)
                    default: break
                    }
                    let href = filter.isEmpty ? nil : SiteRoute.recommendations(filter)
                    // Clusters follow the issues, so a person reviews issues; the source's own labels are not theirs
                    // to remove.
                    let reviewable = canReview && taxonomy == .issue && term.origin != "source"
                    return Label(
                        label: label, href: href, origin: origin(term.origin, term.confidence, t),
                        originClass: term.origin, code: reviewable ? term.code : nil,
                        canConfirm: reviewable && term.origin == "machine")
                })
        }
        let actionLabel = item.actionCategory.map { category in
            Label(
                label: "\(category.rawValue) – " + t.action(category) + ": " + t.actionDescription(category),
                href: nil, origin: origin(detail.actionCategoryOrigin ?? "source", detail.actionCategoryConfidence, t),
                originClass: detail.actionCategoryOrigin ?? "source", code: nil,
                canConfirm: canReview && detail.actionCategoryOrigin == "machine")
        }
        let present = Set(detail.terms.filter { $0.taxonomy == Taxonomy.issue.rawValue }.map(\.code))
        let review =
            canReview
            ? Review(
                action: SiteRoute.labels(item.id), csrf: context.csrf, version: detail.version,
                issues: UPRInfoIssue.all.map(\.name).filter { !present.contains(Slug.make($0)) }.map {
                    SelectOption(value: Slug.make($0), label: t.issue($0), selected: false)
                }.sorted { $0.label < $1.label },
                actionCategories: [
                    SelectOption(value: "", label: t("common.none"), selected: item.actionCategory == nil)
                ]
                    + ActionCategory.allCases.map {
                        SelectOption(
                            value: String($0.rawValue), label: "\($0.rawValue) – " + t.action($0),
                            selected: $0 == item.actionCategory)
                    })
            : nil
        let history = detail.responseHistory.map { event in
            Event(
                response: t.response(event.response),
                date: event.effectiveDate ?? Self.day(event.recordedAt, t),
                source: event.source ?? "",
                note: event.note ?? "")
        }
        let sources = detail.provenance.map {
            Source(
                file: $0.fileName, row: t.number($0.row), importedAt: Self.day($0.importedAt, t),
                importHref: context.allows(.importRecords) ? .importRecord($0.importID) : nil)
        }
        let siblings = detail.sameParagraph.map {
            Sibling(
                href: SiteRoute.recommendation($0.id), reference: $0.paragraph ?? "", text: $0.text,
                response: t.response($0.response))
        }
        let visible = entry.flatMap { $0.status == .published || context.allows(.readDrafts) ? $0 : nil }
        // A concern or observation is not asked of the state: nobody answers it, plans it or tracks it.
        let isPlannable = item.kind != .concernObservation
        let canDraft = isPlannable && context.allows(.startPlanEntry)
        let paragraphRoot = item.paragraph.flatMap { $0.split(separator: ".").first.map(String.init) } ?? ""
        return RecommendationView(
            layout: Layout(context, title: heading, section: .recommendations),
            heading: heading,
            text: item.text,
            response: isPlannable ? t.response(item.response) : t("kind.\(item.kind.rawValue)"),
            responseClass: isPlannable ? item.response.rawValue : item.kind.rawValue,
            concernNote: isPlannable ? nil : t("rec.concernNote"),
            isPlannable: isPlannable,
            fields: fields,
            termGroups: termGroups,
            hasTerms: !termGroups.isEmpty || actionLabel != nil || review != nil,
            actionLabel: actionLabel,
            review: review,
            similar: similar,
            otherMechanisms: OtherMechanismsSection.make(
                mechanisms, entry: visible, recommendationID: item.id, threshold: threshold, context),
            recurrence: detail.recurrence.flatMap { recurrence(item, $0, t) },
            recurringHref: detail.recurrence == nil ? nil : recurringHref(item),
            errors: errors,
            hasErrors: !errors.isEmpty,
            hasSiblings: !siblings.isEmpty,
            history: history,
            sources: sources,
            siblings: siblings,
            siblingsHeading: t("rec.sameParagraph", ["paragraph": paragraphRoot]),
            apiHref: SiteRoute.api(.recommendation(item.id)),
            stateHref: SiteRoute.state(item.stateUnderReview),
            planHref: visible.map { SiteRoute.planEntry($0.id) },
            planStatus: visible.map { t("status.\($0.status.rawValue)") },
            draftHref: entry == nil && canDraft ? SiteRoute.planEditor(recommendationID: item.id) : nil,
            changeResponseHref: isPlannable && context.allows(.changeResponse)
                ? SiteRoute.responseChange(recommendationID: item.id) : nil,
            indicatorLinks: indicatorLinks, subscribe: subscribe, discussion: discussion)
    }

    /// How a label's origin reads beside it; nil for the source's own labels, which need no remark.
    static func origin(_ origin: String, _ confidence: Double?, _ t: Translator) -> String? {
        switch origin {
        case "machine": t("labels.machine", ["percent": t.percent(confidence ?? 0)])
        case "confirmed": t("labels.confirmed")
        default: nil
        }
    }

    /// "Made to this state more than once (cycles, mechanisms): n recommendations …" for its recurrence group.
    static func recurrence(_ item: RecommendationSummary, _ group: RecommendationDetail.Recurrence, _ t: Translator)
        -> String?
    {
        let cycles = group.cycles.map { t.cycle($0) }.joined(separator: ", ")
        let mechanisms = group.mechanisms.compactMap(Mechanism.init(rawValue:)).map(\.abbreviation)
            .joined(separator: ", ")
        return t(
            "rec.recurrence",
            [
                "cycles": cycles.isEmpty ? "–" : cycles, "mechanisms": mechanisms,
                "count": t.number(group.memberIDs.count),
            ])
    }

    static func recurringHref(_ item: RecommendationSummary) -> SiteRoute {
        var filter = RecommendationFilter()
        filter.state = item.stateUnderReview
        filter.recurring = true
        return SiteRoute.recommendations(filter)
    }

    static func day(_ timestamp: String, _ t: Translator) -> String {
        Timestamp.date(timestamp).map { t.date($0) } ?? timestamp
    }
}
