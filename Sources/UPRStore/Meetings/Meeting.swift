import Foundation
import UPRDomain

/// A meeting with everything its page shows: attendance, agenda, decisions and action items.
public struct Meeting: Sendable, Equatable {
    /// An invited or attending organisation or person.
    public struct Participant: Sendable, Equatable, Codable {
        public var id: Int
        public var name: String
        public var invited: Bool
        public var attended: Bool
    }

    public var id: Int
    public var fields: MeetingFields
    public var startsAt: Date
    public var endsAt: Date
    public var organiserName: String?
    public var workingGroupName: String?
    public var status: MeetingStatus
    public var minutes: String
    public var version: Int
    public var organisations: [Participant] = []
    public var people: [Participant] = []
    public var agenda: [AgendaItem] = []
    public var decisions: [Decision] = []
    public var actionItems: [ActionItem] = []
}

/// A meeting as lists and calendar feeds show it.
public struct MeetingSummary: Sendable, Equatable {
    public var id: Int
    public var kind: MeetingKind
    public var title: String
    public var startsAt: Date
    public var endsAt: Date
    public var timeZone: String
    public var place: String
    public var status: MeetingStatus
    public var isPublic: Bool
    public var workingGroupID: Int?
    public var workingGroupName: String?
    public var updatedAt: Date
}
