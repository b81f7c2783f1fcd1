import SQLKit
import UPRDomain

/// The round page's data: each recommendation in the round's scope with every organisation's status side by side,
/// whether they agree, and the counts by perspective and status. Two statements, whatever the number of rows.
public struct RoundOverview: Sendable {
    public struct Line: Sendable, Equatable {
        public var recommendationID: Int
        public var paragraph: String?
        public var text: String
        public var response: Response
        public var workingGroup: String?
        /// Organisation name and status, per perspective.
        public var statuses: [Perspective: [Given]]
        public var agreement: AssessmentAgreement

        /// One organisation's status for the line's recommendation.
        public struct Given: Sendable, Equatable {
            public var organisation: String
            public var status: ImplementationStatus
        }
    }

    /// Which lines to show.
    public enum Show: String, Sendable, CaseIterable {
        case all
        case disagreements
        case unassessed
    }

    public var lines: [Line]
    /// Lines that pass the filter, before paging.
    public var total: Int
    /// Recommendations in scope, and how many of them have at least one assessment.
    public var inScope: Int
    public var assessed: Int
    public var disagreements: Int
    /// How many assessments of each status each perspective gave.
    public var counts: [Perspective: [ImplementationStatus: Int]]

    public static func load(
        round: AssessmentRound, show: Show = .all, page: Int = 1, pageSize: Int = 50, on sql: any SQLDatabase
    ) async throws -> RoundOverview {
        let cycleFilter: SQLQueryString = round.cycle.map { " AND r.cycle = \(bind: $0)" } ?? ""
        let scope: SQLQueryString =
            "r.state_id = \(bind: round.stateID)" + cycleFilter + " AND " + AssessedKinds.condition
        // All recommendations in scope with their assessments (a row per assessment, or one without): grouped here
        // in memory. A round covers one state's review, a few hundred rows at most.
        let rows = try await sql.raw(
            """
            SELECT r.id, r.paragraph, r.text, r.response, g.name AS group_name, o.name AS organisation_name,
                   o.kind AS organisation_kind, a.status
            FROM recommendations r
            LEFT JOIN plan_entries p ON p.recommendation_id = r.id
            LEFT JOIN working_groups g ON g.id = p.working_group_id
            LEFT JOIN assessments a ON a.recommendation_id = r.id AND a.round_id = \(bind: round.id)
            LEFT JOIN organisations o ON o.id = a.organisation_id
            WHERE \(scope)
            ORDER BY r.id, o.name
            """
        ).all()
        var lines: [Line] = []
        var counts: [Perspective: [ImplementationStatus: Int]] = [:]
        for row in rows {
            let id = try row.decode(column: "id", as: Int.self)
            if lines.last?.recommendationID != id {
                lines.append(
                    Line(
                        recommendationID: id, paragraph: try row.decode(column: "paragraph", as: String?.self),
                        text: try row.decode(column: "text", as: String.self),
                        response: try row.decodeCode(Response.self, column: "response"),
                        workingGroup: try row.decode(column: "group_name", as: String?.self), statuses: [:],
                        agreement: .single))
            }
            guard let raw = try row.decode(column: "status", as: String?.self),
                let status = ImplementationStatus(rawValue: raw),
                let kind = OrganisationKind(rawValue: try row.decode(column: "organisation_kind", as: String.self))
            else { continue }
            let perspective = Perspective(kind)
            lines[lines.count - 1].statuses[perspective, default: []].append(
                Line.Given(organisation: try row.decode(column: "organisation_name", as: String.self), status: status))
            counts[perspective, default: [:]][status, default: 0] += 1
        }
        for index in lines.indices {
            lines[index].agreement = AssessmentAgreement(lines[index].statuses.values.flatMap { $0.map(\.status) })
        }
        let assessed = lines.filter { !$0.statuses.isEmpty }
        let disagreements = lines.filter { $0.agreement == .disagree }.count
        let shown: [Line] =
            switch show {
            case .all: lines
            case .disagreements: lines.filter { $0.agreement == .disagree }
            case .unassessed: lines.filter { $0.statuses.isEmpty }
            }
        let start = min(max(page - 1, 0) * pageSize, shown.count)
        return RoundOverview(
            lines: Array(shown[start..<min(start + pageSize, shown.count)]), total: shown.count, inScope: lines.count,
            assessed: assessed.count, disagreements: disagreements, counts: counts)
    }
}
