/// The kinds of meeting the seed's way of working has: the coordinating committee, the thematic working groups,
/// dialogue days between CSOs and ministries, round tables with embassies, press briefings and the annual
/// assessment meeting the letter of intent promises.
public enum MeetingKind: String, Sendable, Codable, CaseIterable, Hashable {
    case coordinatingCommittee = "coordinating-committee"
    case workingGroup = "working-group"
    case dialogueDay = "dialogue-day"
    case roundTable = "round-table"
    case pressBriefing = "press-briefing"
    case annualAssessment = "annual-assessment"
    case other

    public var labelKey: String { "meeting.kind.\(rawValue)" }
}
