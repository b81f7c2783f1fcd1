import UPRStore

/// An assessment round; read alone, with every stakeholder's assessments side by side, per recommendation.
struct APIRound: Encodable, Sendable {
    /// The assessments of one recommendation in the round.
    struct Line: Encodable, Sendable {
        var recommendationId: Int
        var assessments: [APIAssessment]
    }

    var id: Int
    var state: String
    var cycle: Int?
    var title: String
    var heldOn: String
    var status: String
    var meetingId: Int?
    var closedAt: String?
    var assessmentCount: Int
    var version: Int
    var recommendations: [Line]?

    init(_ round: AssessmentRound, assessments: [Assessment]? = nil) {
        id = round.id
        state = round.stateName
        cycle = round.cycle
        title = round.title
        heldOn = round.heldOn
        status = round.status.rawValue
        meetingId = round.meetingID
        closedAt = round.closedAt
        assessmentCount = round.assessmentCount
        version = round.version
        guard let assessments else { return }
        // Already in recommendation order (`AssessmentStore.assessments(round:)`).
        var lines: [Line] = []
        for assessment in assessments {
            if lines.last?.recommendationId != assessment.recommendationID {
                lines.append(Line(recommendationId: assessment.recommendationID, assessments: []))
            }
            lines[lines.count - 1].assessments.append(APIAssessment(assessment))
        }
        recommendations = lines
    }
}
