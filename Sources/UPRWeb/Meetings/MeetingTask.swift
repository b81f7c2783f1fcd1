/// The small forms of a running meeting, each its own page: an agenda item, a decision, an action item, the minutes.
public enum MeetingTask: String, Encodable, Sendable, CaseIterable {
    case agenda, decision, action, minutes
}
