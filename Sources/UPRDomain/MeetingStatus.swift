/// Where a meeting stands: planned, held (minutes may follow) or cancelled.
public enum MeetingStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case planned
    case held
    case cancelled

    public var labelKey: String { "meeting.status.\(rawValue)" }
}
