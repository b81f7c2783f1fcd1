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
    var enteredAt: String

    init(_ record: MeasurementRecord) {
        id = record.id
        indicatorId = record.indicatorID
        value = record.value
        date = record.date
        source = record.source
        status = record.status.rawValue
        breakdown = record.breakdown
        evidenceLink = record.link
        enteredAt = record.createdAt
    }
}
