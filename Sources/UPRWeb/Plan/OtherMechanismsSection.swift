import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// "Same recommendation by other mechanisms" (annex 8.1): on a UPR recommendation's pages, the treaty-body and
/// special-procedure recommendations its plan entry accepted and those suggested, each with a one-click form for
/// whoever may edit the entry; on a treaty body's recommendation, the UPR recommendations whose plan entries
/// accepted it and those it resembles.
struct OtherMechanismsSection: Encodable {
    /// One recommendation of the other side: how the matrix names it, who made it, how similar it is.
    struct Row: Encodable {
        var id: Int
        var href: SiteRoute
        var line: String
        var mechanism: String
        var body: String
        var score: String?
        var text: String
        /// For an acceptance seen from the treaty body's side: the plan entry that accepted it.
        var entryHref: SiteRoute?

        init(_ match: MechanismMatch, _ t: Translator, entryHref: SiteRoute? = nil) {
            id = match.recommendationID
            href = SiteRoute.recommendation(match.recommendationID)
            line = match.line
            mechanism = match.mechanism.abbreviation
            body = t.mechanism(match.mechanism)
            score = match.score.map { t("mechanisms.similarity", ["percent": t.percent($0)]) }
            text = match.text
            self.entryHref = entryHref
        }
    }

    /// The one-click forms' shared part: where they post, the token and the entry's version.
    struct Form: Encodable {
        var action: SiteRoute
        var csrf: String
        var version: Int
    }

    var isReverse: Bool
    var hint: String
    var accepted: [Row]
    var hasAccepted: Bool
    var suggestions: [Row]
    var hasSuggestions: Bool
    var dismissed: String?
    var form: Form?
    /// Suggestions a person could accept once the entry exists.
    var saveFirst: Bool

    /// What the section is made from, loaded by `load`.
    struct Facts: Sendable {
        var isUPR: Bool
        var suggestions: [MechanismMatch]
        var acceptances: [OtherMechanisms.Acceptance]
    }

    /// The suggestions for recommendation `id` (but those its plan entry `entry` decided about) and, for a treaty
    /// body's, the plan entries that accepted it.
    static func load(_ request: Request, recommendationID id: Int, mechanism: Mechanism, entry: PlanEntry?)
        async throws -> Facts
    {
        let sql = try request.sql()
        let decided = Set((entry?.mechanismLinks.map(\.recommendationID) ?? []) + (entry?.dismissedMechanismIDs ?? []))
        let suggestions =
            try await OtherMechanisms.suggestions(
                for: id, minimumScore: request.application.site.otherMechanismsThreshold, excluding: decided,
                cache: request.application.similarityCache, on: sql) ?? []
        let isUPR = mechanism == .upr
        return Facts(
            isUPR: isUPR, suggestions: suggestions,
            acceptances: isUPR ? [] : try await OtherMechanisms.acceptances(of: id, on: sql))
    }

    /// The section for a recommendation with `facts`, its plan entry (nil when there is none, or none this person may
    /// see), and whether the person may edit that entry.
    static func make(
        _ facts: Facts, entry: PlanEntry?, recommendationID: Int, threshold: Double, _ context: PageContext
    ) -> OtherMechanismsSection {
        let t = context.t
        let minimum = ["minimum": t.percent(threshold)]
        guard facts.isUPR else {
            let visible = facts.acceptances.filter { $0.status == .published || context.allows(.readDrafts) }
            return OtherMechanismsSection(
                isReverse: true, hint: t("mechanisms.hintReverse", minimum),
                accepted: visible.map { Row($0.recommendation, t, entryHref: .planEntry($0.planEntryID)) },
                hasAccepted: !visible.isEmpty,
                suggestions: facts.suggestions.map { Row($0, t) }, hasSuggestions: !facts.suggestions.isEmpty,
                dismissed: nil, form: nil, saveFirst: false)
        }
        let links = entry?.mechanismLinks ?? []
        let decided = Set(links.map(\.recommendationID)).union(entry?.dismissedMechanismIDs ?? [])
        let open = facts.suggestions.filter { !decided.contains($0.recommendationID) }
        let canEdit = entry.map { context.allows(.draftPlanEntry(workingGroupID: $0.workingGroupID)) } ?? false
        let dismissed = entry?.dismissedMechanismIDs.count ?? 0
        return OtherMechanismsSection(
            isReverse: false, hint: t("mechanisms.hint", minimum), accepted: links.map { Row($0, t) },
            hasAccepted: !links.isEmpty, suggestions: open.map { Row($0, t) }, hasSuggestions: !open.isEmpty,
            dismissed: canEdit && dismissed > 0 ? t("mechanisms.dismissedCount", ["count": t.number(dismissed)]) : nil,
            form: canEdit
                ? entry.map { Form(action: .planEntryMechanisms($0.id), csrf: context.csrf, version: $0.version) }
                : nil,
            saveFirst: entry == nil && !open.isEmpty && context.allows(.startPlanEntry))
    }

    /// The one-click form as posted: which recommendation, what was decided (`accepted`, `dismissed`, or `remove`
    /// to take a decision back), the entry's version that was read.
    struct DecisionForm: Content {
        var recommendationID: Int?
        var decision: String?
        var version: Int?
    }

    /// Accepting, dismissing or removing one recommendation of another mechanism for a plan entry: by whoever may
    /// draft the entry, checked against the version the page showed, back to the editor's section.
    static let decide = FormPost(
        DecisionForm.self, load: PlanRoutes.entry,
        rule: .forSubject { .draftPlanEntry(workingGroupID: $0.workingGroupID) },
        write: { entry, form, write in
            guard let target = form.recommendationID else {
                throw StoreError.invalid(field: "recommendationID", messageKey: "mechanisms.error.target")
            }
            let decision: MechanismDecision?
            switch form.decision {
            case "remove"?: decision = nil
            case let raw?:
                guard let chosen = MechanismDecision(rawValue: raw) else {
                    throw StoreError.invalid(field: "decision", messageKey: "form.error.choice")
                }
                decision = chosen
            case nil: throw StoreError.invalid(field: "decision", messageKey: "form.error.choice")
            }
            try await PlanStore(write.sql).decide(
                entry.id, version: form.version ?? 0, recommendationID: target, decision: decision,
                userID: write.userID, actor: write.actor)
            return .redirect(.planEditor(recommendationID: entry.recommendationID), at: "other-mechanisms")
        })
}
