import UPRDomain
import UPRStore

/// An indicator as the API gives it. Field names other systems rely on: `id`, `title`, `responsibleOrganisation`
/// (`{"id", "name"}`), `dataPartners`, `baseline`, `target`, and, read alone, its `measurements`.
struct APIIndicator: Encodable, Sendable {
    /// A baseline or a target: a value on a day.
    struct Point: Encodable, Sendable {
        var value: Double?
        var date: String?
    }

    var id: Int
    var title: String
    var definition: String
    var kind: String
    var unit: String
    var responsibleOrganisation: APIReference?
    var dataPartners: [APIReference]
    var baseline: Point
    var target: Point
    var dataSource: String
    var frequency: String
    var dimensions: [String]
    var recommendationIds: [Int]
    var planEntryIds: [Int]
    /// Whether it passes all five SMART criteria.
    var smart: Bool
    /// Whether a published plan entry tracks it (only such indicators are public).
    var isPublic: Bool
    var version: Int
    var updatedAt: String
    /// Read alone: its measurements by date (for the public, accepted ones only).
    var measurements: [APIMeasurement]?

    init(_ indicator: Indicator, measurements: [MeasurementRecord]? = nil) {
        let fields = indicator.fields
        id = indicator.id
        title = fields.title
        definition = fields.definition
        kind = fields.kind.rawValue
        unit = fields.unit
        responsibleOrganisation = APIReference(id: fields.responsibleOrganisationID, name: indicator.responsibleName)
        dataPartners = Swift.zip(fields.dataPartnerIDs, indicator.dataPartnerNames).map {
            APIReference(id: $0, name: $1)
        }
        baseline = Point(value: fields.baselineValue, date: fields.baselineDate)
        target = Point(value: fields.targetValue, date: fields.targetDate)
        dataSource = fields.dataSource
        frequency = fields.frequency
        dimensions = fields.dimensions.map(\.rawValue)
        recommendationIds = fields.recommendationIDs
        planEntryIds = fields.planEntryIDs
        smart = indicator.smartPasses
        isPublic = indicator.isPublic
        version = indicator.version
        updatedAt = indicator.updatedAt
        self.measurements = measurements?.map(APIMeasurement.init)
    }
}
