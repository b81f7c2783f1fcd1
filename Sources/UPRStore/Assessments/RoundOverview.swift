import SQLKit
import UPRDomain

/// The round page's data: each recommendation in the round's scope with every organisation's status side by side,
/// whether they agree, and the counts by perspective and status. Three statements, whatever the number of rows.
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
        // The recommendations in scope, then their assessments, grouped here in memory (a round covers one
        // state's review, a few hundred rows at most); the texts are read last and only for the page shown. Read
        // with the assessments, every text came once per assessment, and decoding them was most of the page's time.
        let recommendations = try await sql.raw(
            """
            SELECT r.id, r.paragraph, r.response, g.name AS group_name
            FROM recommendations r
            LEFT JOIN plan_entries p ON p.recommendation_id = r.id
            LEFT JOIN working_groups g ON g.id = p.working_group_id
            WHERE \(scope)
            ORDER BY r.id
            """
        ).all()
        var lines: [Line] = []
        var position: [Int: Int] = [:]
        lines.reserveCapacity(recommendations.count)
        for row in recommendations {
            let id = try row.decode(column: "id", as: Int.self)
            // A recommendation with two plan entries comes twice; its line is its first.
            guard position[id] == nil else { continue }
            position[id] = lines.count
            lines.append(
                Line(
                    recommendationID: id, paragraph: try row.decode(column: "paragraph", as: String?.self), text: "",
                    response: try row.decodeCode(Response.self, column: "response"),
                    workingGroup: try row.decode(column: "group_name", as: String?.self), statuses: [:],
                    agreement: .single))
        }
        let assessments = try await sql.raw(
            """
            SELECT a.recommendation_id, o.name AS organisation_name, o.kind AS organisation_kind, a.status
            FROM assessments a
            JOIN recommendations r ON r.id = a.recommendation_id
            JOIN organisations o ON o.id = a.organisation_id
            WHERE a.round_id = \(bind: round.id) AND \(scope)
            ORDER BY a.recommendation_id, o.name
            """
        ).all()
        var counts: [Perspective: [ImplementationStatus: Int]] = [:]
        for row in assessments {
            guard let index = position[try row.decode(column: "recommendation_id", as: Int.self)],
                let status = ImplementationStatus(rawValue: try row.decode(column: "status", as: String.self)),
                let kind = OrganisationKind(rawValue: try row.decode(column: "organisation_kind", as: String.self))
            else { continue }
            let perspective = Perspective(kind)
            lines[index].statuses[perspective, default: []].append(
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
        var pageLines = Array(shown[start..<min(start + pageSize, shown.count)])
        if !pageLines.isEmpty {
            let texts = try await sql.raw(
                "SELECT id, text FROM recommendations WHERE id IN (\(binds: pageLines.map(\.recommendationID)))"
            ).all()
            var byID: [Int: String] = [:]
            for row in texts {
                byID[try row.decode(column: "id", as: Int.self)] = try row.decode(column: "text", as: String.self)
            }
            for index in pageLines.indices { pageLines[index].text = byID[pageLines[index].recommendationID] ?? "" }
        }
        return RoundOverview(
            lines: pageLines, total: shown.count, inScope: lines.count,
            assessed: assessed.count, disagreements: disagreements, counts: counts)
    }
}
