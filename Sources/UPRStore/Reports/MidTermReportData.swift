import Foundation
import SQLKit
import UPRDomain

/// Everything the mid-term report says about a state's recommendations of one cycle: each recommendation with its
/// response, responsible bodies, plan entry (the actions), and each stakeholder's assessment in the latest round,
/// grouped by cluster. A fixed number of statements whatever the number of recommendations.
public struct MidTermReportData: Sendable {
    public struct Item: Sendable {
        public var id: Int
        public var paragraph: String?
        public var text: String
        public var response: Response
        public var recommendingStates: String
        public var clusters: [String]
        public var plan: PlanEntry?
        public var assessments: [Assessment]
        /// The indicators tracking it, with their latest accepted values.
        public var indicators: [IndicatorListItem] = []
    }

    public var state: String
    public var cycle: Int
    public var reviewDate: String?
    public var reportSymbol: String?
    /// The latest round of the state (closed only when `publishedOnly`).
    public var round: AssessmentRound?
    public var items: [Item]
    public var generatedAt: Date

    /// `cycle` nil: the state's latest cycle. `publishedOnly`: published plan entries and closed rounds only.
    public static func load(state: String, cycle: Int?, publishedOnly: Bool, on sql: any SQLDatabase) async throws
        -> MidTermReportData?
    {
        guard
            let stateID = try await StateDirectory.id(named: state, on: sql)
        else { return nil }
        let review = try await sql.raw(
            """
            SELECT cycle, review_date, report_symbol FROM reviews WHERE state_id = \(bind: stateID) AND cycle IS NOT NULL
            \(unsafeRaw: cycle == nil ? "" : "AND cycle = \(cycle!)") ORDER BY cycle DESC, review_date DESC LIMIT 1
            """
        ).first()
        guard let review, let reviewCycle = try review.decode(column: "cycle", as: Int?.self) else { return nil }
        let rows = try await sql.raw(
            """
            SELECT r.id, r.paragraph, r.text, r.response, r.recommending_states FROM recommendations r
            WHERE r.state_id = \(bind: stateID) AND r.cycle = \(bind: reviewCycle) ORDER BY r.id
            """
        ).all()
        var items = try rows.map { row in
            Item(
                id: try row.decode(column: "id", as: Int.self),
                paragraph: try row.decode(column: "paragraph", as: String?.self),
                text: try row.decode(column: "text", as: String.self),
                response: try row.decodeCode(Response.self, column: "response"),
                recommendingStates: try row.decode(column: "recommending_states", as: String.self), clusters: [],
                plan: nil, assessments: [])
        }
        var position: [Int: Int] = [:]
        for (index, item) in items.enumerated() { position[item.id] = index }
        let clusters = try await sql.raw(
            """
            SELECT rt.recommendation_id, t.code FROM recommendation_terms rt JOIN taxonomy_terms t ON t.id = rt.term_id
            JOIN recommendations r ON r.id = rt.recommendation_id
            WHERE t.taxonomy = 'cluster' AND r.state_id = \(bind: stateID) AND r.cycle = \(bind: reviewCycle)
            ORDER BY t.position
            """
        ).all()
        for row in clusters {
            guard let index = position[try row.decode(column: "recommendation_id", as: Int.self)] else { continue }
            items[index].clusters.append(try row.decode(column: "code", as: String.self))
        }
        let published = publishedOnly ? " AND p.status = 'published'" : ""
        let planRows = try await sql.raw(
            """
            \(unsafeRaw: PlanStore.select) JOIN recommendations r ON r.id = p.recommendation_id
            WHERE r.state_id = \(bind: stateID) AND r.cycle = \(bind: reviewCycle)\(unsafeRaw: published)
            """
        ).all()
        let entries = try await PlanStore(sql).complete(try planRows.map(PlanStore.entry))
        for entry in entries {
            guard let index = position[entry.recommendationID] else { continue }
            items[index].plan = entry
        }
        let tracked = try await IndicatorStore(sql).tracking(
            stateID: stateID, cycle: reviewCycle, includeDrafts: !publishedOnly)
        let indicators = Dictionary(uniqueKeysWithValues: tracked.indicators.map { ($0.id, $0) })
        for (recommendation, ids) in tracked.byRecommendation {
            guard let index = position[recommendation] else { continue }
            items[index].indicators = ids.sorted().compactMap { indicators[$0] }
        }
        let rounds = try await AssessmentStore(sql).rounds(closedOnly: publishedOnly).filter {
            $0.stateID == stateID && ($0.cycle == nil || $0.cycle == reviewCycle)
        }
        let round = rounds.first
        if let round {
            let assessments = try await sql.raw(
                "\(unsafeRaw: AssessmentStore.assessmentSelect) WHERE a.round_id = \(bind: round.id) ORDER BY o.name"
            ).all().map(AssessmentStore.assessment)
            let order = Dictionary(uniqueKeysWithValues: Perspective.allCases.enumerated().map { ($1, $0) })
            for assessment in assessments.sorted(by: { (order[$0.perspective] ?? 0) < (order[$1.perspective] ?? 0) }) {
                guard let index = position[assessment.recommendationID] else { continue }
                items[index].assessments.append(assessment)
            }
        }
        return MidTermReportData(
            state: state, cycle: reviewCycle, reviewDate: try review.decode(column: "review_date", as: String?.self),
            reportSymbol: try review.decode(column: "report_symbol", as: String?.self), round: round, items: items,
            generatedAt: Date())
    }

    /// The recommendations of each cluster, in the seed's cluster order; those without a cluster last (key nil).
    /// A recommendation in two clusters is reported under its first.
    public var byCluster: [(cluster: String?, items: [Item])] {
        var groups: [String?: [Item]] = [:]
        for item in items { groups[item.clusters.first, default: []].append(item) }
        return (Cluster.allCases.map(\.rawValue) as [String?] + [nil]).compactMap { key in
            groups[key].map { (key, $0) }
        }
    }
}
