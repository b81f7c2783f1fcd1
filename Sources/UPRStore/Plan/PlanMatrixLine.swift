import SQLKit
import UPRDomain

extension PlanMatrix {
    /// A row of a matrix page: the annex 8.1 columns and the ministry's answer, and nothing the page does not show.
    public struct Line: Sendable, Equatable {
        /// The part of a plan entry the matrix shows.
        public struct Entry: Sendable, Equatable {
            public var id: Int
            public var status: PlanStatus
            public var goal: String
            public var expectedAction: String
            public var indicators: String
            public var otherMechanismsNational: String
            public var otherMechanismsInternational: String
            public var leadOrganisationName: String?
            public var governmentAnswer: GovernmentAnswer?
            public var governmentComment: String
            /// Indicators tracking the entry, and how many pass all five SMART criteria.
            public var indicatorCount: Int
            public var smartCount: Int
            /// The accepted recommendations of other mechanisms, one line each (`CAT/C/MNG/CO/2 ¶ 10 (CAT)`).
            public var mechanismLines: [String] = []

            /// The "international" column as the export and the entry page write it: the accepted links, then
            /// what the working group typed.
            public var internationalColumn: String {
                PlanEntry.internationalColumn(links: mechanismLines, typed: otherMechanismsInternational)
            }
        }

        public var recommendationID: Int
        public var paragraph: String?
        public var recommendingStates: [String]
        public var text: String
        public var response: Response
        public var entry: Entry?

        init(row: any SQLRow) throws {
            recommendationID = try row.decode(column: "rid", as: Int.self)
            paragraph = try row.decode(column: "paragraph", as: String?.self)
            let states = try row.decode(column: "recommending_states", as: String.self)
            recommendingStates = states.isEmpty ? [] : states.components(separatedBy: "; ")
            text = try row.decode(column: "text", as: String.self)
            response = try row.decodeCode(Response.self, column: "response")
            guard let id = try row.decode(column: "id", as: Int?.self) else { return }
            entry = Entry(
                id: id, status: PlanStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
                goal: try row.decode(column: "goal", as: String.self),
                expectedAction: try row.decode(column: "expected_action", as: String.self),
                indicators: try row.decode(column: "indicators", as: String.self),
                otherMechanismsNational: try row.decode(column: "other_mechanisms_national", as: String.self),
                otherMechanismsInternational: try row.decode(column: "other_mechanisms_international", as: String.self),
                leadOrganisationName: try row.decode(column: "lead_name", as: String?.self),
                governmentAnswer: (try row.decode(column: "government_answer", as: String?.self))
                    .flatMap(GovernmentAnswer.init(rawValue:)),
                governmentComment: try row.decode(column: "government_comment", as: String.self),
                indicatorCount: try row.decode(column: "indicator_count", as: Int.self),
                smartCount: try row.decode(column: "smart_count", as: Int.self))
        }
    }
}
