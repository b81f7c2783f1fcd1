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
}
