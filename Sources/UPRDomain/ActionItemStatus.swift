/// The progress of an action item or of an agreement's commitment.
public enum ActionItemStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case open
    case inProgress = "in-progress"
    case done
    case cancelled

    public var labelKey: String { "action.status.\(rawValue)" }

    /// Done and cancelled items need nothing more: they are never due or overdue.
    public var isClosed: Bool { self == .done || self == .cancelled }
}
