import UPRDomain
import UPRStore

/// A measurement as the API gives it (the field names other systems rely on: `value`, `date`, `source`, `status`,
/// `breakdown`).
struct APIMeasurement: Codable, Sendable {
    var id: Int
    var indicatorId: Int
    var value: Double
    var date: String
    var source: String
    var status: String
    var breakdown: [String: [String: Double]]
    var evidenceLink: String?
    /// The evidence file, when one was sent or uploaded: its name and where to download it.
    var evidenceFile: File?
    var enteredAt: String

    struct File: Codable, Sendable {
        var name: String
        var href: String
    }

    init(_ record: MeasurementRecord) {
        id = record.id
        indicatorId = record.indicatorID
        value = record.value
        date = record.date
        source = record.source
        status = record.status.rawValue
        breakdown = record.breakdown
        evidenceLink = record.link
        evidenceFile = record.evidenceName.map { File(name: $0, href: SiteRoute.measurementEvidence(record.id).href) }
        enteredAt = record.createdAt
    }
}
