import SQLKit

/// What a meeting's task forms offer to link an agenda item or a decision to: the plan entries of the meeting's
/// working group, and the indicators of those entries (every indicator for a meeting of no group).
public struct MeetingTaskChoices: Sendable, Equatable {
    public struct Choice: Sendable, Equatable {
        public var id: Int
        public var label: String
    }
    public var planEntries: [Choice]
    public var indicators: [Choice]
}

extension MeetingStore {
    /// The choices of a meeting of `workingGroupID`, in two queries. A plan entry is named by its recommendation's
    /// paragraph and the first 80 characters of its text.
    public func taskChoices(workingGroupID: Int?) async throws -> MeetingTaskChoices {
        var entries: [MeetingTaskChoices.Choice] = []
        if let group = workingGroupID {
            entries = try await sql.raw(
                """
                SELECT p.id, r.paragraph, r.text FROM plan_entries p JOIN recommendations r ON r.id = p.recommendation_id
                WHERE p.working_group_id = \(bind: group) ORDER BY p.id
                """
            ).all().map { row in
                let label = [
                    try row.decode(column: "paragraph", as: String?.self),
                    String(try row.decode(column: "text", as: String.self).prefix(80)),
                ]
                .compactMap { $0 }.joined(separator: " ")
                return .init(id: try row.decode(column: "id", as: Int.self), label: label)
            }
        }
        let groupFilter: SQLQueryString =
            workingGroupID.map {
                """
                WHERE i.id IN (SELECT ip.indicator_id FROM indicator_plan_entries ip
                    JOIN plan_entries p ON p.id = ip.plan_entry_id WHERE p.working_group_id = \(bind: $0))
                """
            } ?? ""
        let indicators = try await sql.raw(
            "SELECT i.id, i.title FROM indicators i " + groupFilter + " ORDER BY i.title"
        )
        .all().map { row in
            MeetingTaskChoices.Choice(
                id: try row.decode(column: "id", as: Int.self), label: try row.decode(column: "title", as: String.self))
        }
        return MeetingTaskChoices(planEntries: entries, indicators: indicators)
    }
}
