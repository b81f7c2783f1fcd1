import SQLKit
import UPRDomain

/// An organisation, with the names it had before.
public struct Organisation: Sendable, Equatable, Codable {
    public struct FormerName: Sendable, Equatable, Codable {
        public var name: String
        public var validFrom: String?
        public var validTo: String?
    }
    public var id: Int
    public var name: String
    public var kind: OrganisationKind
    public var representsState: String?
    public var validFrom: String?
    public var validTo: String?
    public var version: Int
    public var formerNames: [FormerName]
    public var workingGroupIDs: [Int]
}

/// Thematic working group with its member organisations.
public struct WorkingGroup: Sendable, Equatable, Codable {
    public var id: Int
    public var name: String
    public var cluster: Cluster?
    public var version: Int
    public var memberIDs: [Int]
}
