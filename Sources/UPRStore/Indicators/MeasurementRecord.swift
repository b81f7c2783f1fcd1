import UPRDomain

/// A stored measurement of an indicator, with its review.
public struct MeasurementRecord: Sendable, Equatable, Codable {
    public var id: Int
    public var indicatorID: Int
    public var value: Double
    public var date: String
    public var source: String
    /// Dimension → category → value.
    public var breakdown: [String: [String: Double]]
    public var link: String?
    /// The evidence file's name, when one was uploaded.
    public var evidenceName: String?
    public var status: MeasurementStatus
    public var reviewComment: String
    public var reviewedByName: String?
    public var enteredByName: String?
    public var version: Int
    public var createdAt: String
}

/// An uploaded evidence file, already checked (`EvidenceType.detect`).
public struct EvidenceFile: Sendable, Equatable {
    public var fileName: String
    public var type: EvidenceType
    public var content: [UInt8]

    public init(fileName: String, type: EvidenceType, content: [UInt8]) {
        self.fileName = fileName
        self.type = type
        self.content = content
    }
}
