import SQLKit
import UPRDomain

/// What the plan page offers to choose from: the states with recommendations, the working groups and the government
/// bodies, in one query (the page is the busiest of the plan and every round trip to the database counts).
public struct PlanMatrixChoices: Sendable, Equatable {
    public struct Choice: Sendable, Equatable {
        public var id: Int
        public var name: String
    }

    public var states: [String]
    /// In the order the groups were made (the seed's five clusters first).
    public var workingGroups: [Choice]
    /// Ministries, government agencies and parliament: the bodies that can be responsible for an entry.
    public var governmentBodies: [Choice]

    public static func load(on sql: any SQLDatabase) async throws -> PlanMatrixChoices {
        // The kinds are the enum's own constant names, written into the SQL rather than bound: with bound values
        // SQLite prepares the statement a second time when it first runs.
        let government = OrganisationKind.allCases.filter(\.isGovernment).map { "'\($0.rawValue)'" }
            .joined(separator: ", ")
        let rows = try await sql.raw(
            """
            SELECT 1 AS part, 0 AS id, s.name, 0 AS position FROM states s
            WHERE EXISTS (SELECT 1 FROM recommendations r WHERE r.state_id = s.id)
            UNION ALL SELECT 2 AS part, g.id, g.name, g.id AS position FROM working_groups g
            UNION ALL SELECT 3 AS part, o.id, o.name, 0 AS position FROM organisations o
            WHERE o.kind IN (\(unsafeRaw: government))
            ORDER BY part, position, name
            """
        ).all()
        var choices = PlanMatrixChoices(states: [], workingGroups: [], governmentBodies: [])
        for row in rows {
            let name = try row.decode(column: "name", as: String.self)
            let choice = Choice(id: try row.decode(column: "id", as: Int.self), name: name)
            switch try row.decode(column: "part", as: Int.self) {
            case 1: choices.states.append(name)
            case 2: choices.workingGroups.append(choice)
            default: choices.governmentBodies.append(choice)
            }
        }
        return choices
    }
}
