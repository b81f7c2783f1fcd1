import Foundation
import UPRDomain

/// One organisation's assessment of one recommendation in one round.
public struct Assessment: Sendable, Equatable, Codable {
    public var id: Int
    public var roundID: Int
    public var recommendationID: Int
    public var organisationID: Int
    public var organisationName: String
    public var perspective: Perspective
    public var status: ImplementationStatus
    public var justification: String
    public var evidenceURL: String?
    public var recordedByName: String?
    public var version: Int
    public var updatedAt: String
}
