import UPRDomain
import UPRStore

/// A plan entry as the API gives it: the annex 8.1 columns, the plan's scheduling, the responsible ministry's
/// answer, the status and the version, and the links to other mechanisms' recommendations the group accepted.
struct APIPlanEntry: Encodable, Sendable {
    /// The other mechanisms' recommendations that say the same: as typed, and as accepted links.
    struct OtherMechanisms: Encodable, Sendable {
        var national: String
        var international: String
        var links: [Link]
    }

    /// An accepted link to a treaty body's or special procedure's recommendation (or, for those, a UPR one).
    struct Link: Encodable, Sendable {
        var recommendationId: Int
        var mechanism: String
        var reportSymbol: String?
        var paragraph: String?
    }

    /// The responsible ministry's answer.
    struct Answer: Encodable, Sendable {
        var answer: String
        var comment: String
        var answeredBy: String?
        var answeredAt: String?
    }

    var id: Int
    var recommendationId: Int
    var workingGroup: APIReference
    var status: String
    var goal: String
    var expectedAction: String
    var indicators: String
    var leadOrganisation: APIReference?
    var supporters: [APIReference]
    var otherMechanisms: OtherMechanisms
    var linkedRecommendationIds: [Int]
    var startDate: String?
    var dueDate: String?
    var priority: String?
    var csoActivities: String
    var governmentAnswer: Answer?
    var version: Int
    var createdAt: String
    var updatedAt: String

    init(_ entry: PlanEntry) {
        let fields = entry.fields
        id = entry.id
        recommendationId = entry.recommendationID
        workingGroup = APIReference(id: entry.workingGroupID, name: entry.workingGroupName)
        status = entry.status.rawValue
        goal = fields.goal
        expectedAction = fields.expectedAction
        indicators = fields.indicators
        leadOrganisation = APIReference(id: fields.leadOrganisationID, name: entry.leadOrganisationName)
        supporters = zip(fields.supporterIDs, entry.supporterNames).map { APIReference(id: $0, name: $1) }
        otherMechanisms = OtherMechanisms(
            national: fields.otherMechanismsNational, international: fields.otherMechanismsInternational,
            links: entry.mechanismLinks.map {
                Link(
                    recommendationId: $0.recommendationID, mechanism: $0.mechanism.rawValue,
                    reportSymbol: $0.reportSymbol, paragraph: $0.paragraph)
            })
        linkedRecommendationIds = fields.linkedRecommendationIDs
        startDate = fields.startDate
        dueDate = fields.dueDate
        priority = fields.priority?.rawValue
        csoActivities = fields.csoActivities
        governmentAnswer = entry.governmentAnswer.map {
            Answer(
                answer: $0.rawValue, comment: entry.governmentComment, answeredBy: entry.answeredByName,
                answeredAt: entry.answeredAt)
        }
        version = entry.version
        createdAt = entry.createdAt
        updatedAt = entry.updatedAt
    }
}
