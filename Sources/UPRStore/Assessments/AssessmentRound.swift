/// One assessment round: the recommendations of a state (of one cycle, or all) as the stakeholders judged them at
/// one annual assessment. Open while the stakeholders record; closed, it is a snapshot that no longer changes.
public struct AssessmentRound: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable, Equatable {
        case open
        case closed
    }
    public var id: Int
    public var stateID: Int
    public var stateName: String
    public var cycle: Int?
    public var title: String
    /// `YYYY-MM-DD`: the day of the assessment meeting.
    public var heldOn: String
    public var status: Status
    public var meetingID: Int?
    public var closedAt: String?
    public var version: Int
    /// How many assessments were recorded in the round.
    public var assessmentCount: Int
}
