import UPRStore

/// One stakeholder's assessment of one recommendation in one round.
struct APIAssessment: Encodable, Sendable {
    var id: Int
    var roundId: Int
    var recommendationId: Int
    var organisation: APIReference
    var perspective: String
    var status: String
    var justification: String
    var evidenceLink: String?
    var recordedBy: String?
    var version: Int
    var updatedAt: String

    init(_ assessment: Assessment) {
        id = assessment.id
        roundId = assessment.roundID
        recommendationId = assessment.recommendationID
        organisation = APIReference(id: assessment.organisationID, name: assessment.organisationName)
        perspective = assessment.perspective.rawValue
        status = assessment.status.rawValue
        justification = assessment.justification
        evidenceLink = assessment.evidenceURL
        recordedBy = assessment.recordedByName
        version = assessment.version
        updatedAt = assessment.updatedAt
    }
}
