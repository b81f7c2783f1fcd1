import Foundation
import UPRDomain

/// One expert-labelled row of a UPR Info export: the training and evaluation unit of the classifier.
public struct LabelledRecommendation: Sendable, Hashable {
    /// The recommendation text.
    public var text: String
    /// Canonical UPR Info issue names.
    public var issues: [String]
    /// UPR Info action category, when the row has one.
    public var actionCategory: ActionCategory?
    /// Working Group session, when known.
    public var session: Int?
    /// State under review (`To`).
    public var stateUnderReview: String
    /// Recommending state (`From`).
    public var recommendingState: String

    /// Creates a row from its parts.
    public init(
        text: String, issues: [String], actionCategory: ActionCategory?, session: Int? = nil,
        stateUnderReview: String = "", recommendingState: String = ""
    ) {
        self.text = text
        self.issues = issues
        self.actionCategory = actionCategory
        self.session = session
        self.stateUnderReview = stateUnderReview
        self.recommendingState = recommendingState
    }

    /// Rows of a UPR Info export (`To,…,Text,From,…,Action,Issue,Session`); unknown issue names are dropped.
    public static func load(_ table: CSVTable) -> [LabelledRecommendation] {
        let text = table.column("Text")
        let to = table.column("To")
        let from = table.column("From")
        let action = table.column("Action")
        let issue = table.column("Issue")
        let session = table.column("Session")
        return table.rows.compactMap { row in
            let body = CSVTable.field(row, text)
            guard !body.isEmpty else { return nil }
            let issues = CSVTable.field(row, issue).split(separator: ",").compactMap {
                IssueCatalog.index(of: String($0)).map { IssueCatalog.names[$0] }
            }
            return LabelledRecommendation(
                text: body, issues: issues, actionCategory: ActionCategory(parsing: CSVTable.field(row, action)),
                session: Int(CSVTable.field(row, session).trimmingCharacters(in: .whitespaces)),
                stateUnderReview: CSVTable.field(row, to), recommendingState: CSVTable.field(row, from))
        }
    }

    /// Rows of every UPR Info export file in `urls`, in order.
    public static func load(files urls: [URL]) throws -> [LabelledRecommendation] {
        try urls.flatMap { try load(CSVTable(contentsOf: $0)) }
    }
}
