import SQLKit
import UPRDomain

/// A round for the spreadsheet a meeting compares: every recommendation of the round page with its clusters, and
/// each organisation's assessment (status, justification, evidence) in that organisation's own columns. The round
/// page's overview (three statements) and two more for all its lines together: the assessments and the clusters.
public struct RoundSheet: Sendable, Equatable {
    public struct Organisation: Sendable, Equatable {
        public var id: Int
        public var name: String
        public var perspective: Perspective
    }

    public struct Line: Sendable, Equatable {
        /// The round page's line (its statuses as the page groups them, by perspective).
        public var overview: RoundOverview.Line
        /// The codes of its clusters (`Cluster` raw values), in the taxonomy's order.
        public var clusters: [String]
        /// Its assessments, by organisation id.
        public var assessments: [Int: Assessment]
    }

    public var round: AssessmentRound
    /// Every organisation that assessed some recommendation of the round, by perspective (the round page's order)
    /// and name: one group of columns each.
    public var organisations: [Organisation]
    public var lines: [Line]

    /// The largest round: a state's every recommendation of every cycle is a few thousand.
    private static let allLines = 1_000_000

    public static func load(round: AssessmentRound, on sql: any SQLDatabase) async throws -> RoundSheet {
        let overview = try await RoundOverview.load(round: round, pageSize: allLines, on: sql)
        var lines = overview.lines.map { Line(overview: $0, clusters: [], assessments: [:]) }
        guard !lines.isEmpty else { return RoundSheet(round: round, organisations: [], lines: []) }
        let position = Dictionary(
            uniqueKeysWithValues: lines.indices.map { (lines[$0].overview.recommendationID, $0) })
        var organisations: [Int: Organisation] = [:]
        for row in try await sql.raw(
            "\(unsafeRaw: AssessmentStore.assessmentSelect) WHERE a.round_id = \(bind: round.id)"
        ).all() {
            let assessment = try AssessmentStore.assessment(row)
            guard let index = position[assessment.recommendationID] else { continue }
            lines[index].assessments[assessment.organisationID] = assessment
            organisations[assessment.organisationID] = Organisation(
                id: assessment.organisationID, name: assessment.organisationName, perspective: assessment.perspective)
        }
        for row in try await sql.raw(
            """
            SELECT rt.recommendation_id, t.code FROM recommendation_terms rt JOIN taxonomy_terms t ON t.id = rt.term_id
            WHERE t.taxonomy = 'cluster' AND rt.recommendation_id IN (\(binds: lines.map(\.overview.recommendationID)))
            ORDER BY rt.recommendation_id, t.position
            """
        ).all() {
            guard let index = position[try row.decode(column: "recommendation_id", as: Int.self)] else { continue }
            lines[index].clusters.append(try row.decode(column: "code", as: String.self))
        }
        let order = Dictionary(uniqueKeysWithValues: Perspective.allCases.enumerated().map { ($1, $0) })
        return RoundSheet(
            round: round,
            organisations: organisations.values.sorted {
                (order[$0.perspective] ?? 0, $0.name, $0.id) < (order[$1.perspective] ?? 0, $1.name, $1.id)
            }, lines: lines)
    }
}
