import SQLKit
import UPRDomain

/// A recommendation's line in the implementation plan (annex 8.1) with the ministry's answer.
public struct PlanEntry: Sendable, Equatable, Codable {
    public var id: Int
    public var recommendationID: Int
    public var workingGroupID: Int
    public var workingGroupName: String
    public var fields: PlanEntryFields
    public var leadOrganisationName: String?
    public var supporterNames: [String]
    public var status: PlanStatus
    public var governmentAnswer: GovernmentAnswer?
    public var governmentComment: String
    public var answeredByName: String?
    public var answeredAt: String?
    public var version: Int
    public var createdAt: String
    public var updatedAt: String
    /// Recommendations of other mechanisms the working group accepted as the same as this one (`PlanStore.decide`),
    /// and the ids of those it dismissed.
    public var mechanismLinks: [MechanismMatch] = []
    public var dismissedMechanismIDs: [Int] = []

    /// The matrix's "international" column: the accepted links, one a line, then what the working group typed.
    public var internationalColumn: String {
        Self.internationalColumn(links: mechanismLinks.map(\.line), typed: fields.otherMechanismsInternational)
    }

    /// The column from its two parts: the accepted links (`CAT/C/MNG/CO/2 ¶ 10 (CAT)`), one a line, then the text.
    static func internationalColumn(links: [String], typed: String) -> String {
        (links + [typed]).filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
