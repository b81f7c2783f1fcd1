import Foundation
import UPRStore

/// A meeting; read alone, with its agenda, decisions, minutes and action items.
struct APIMeeting: Encodable, Sendable {
    struct AgendaEntry: Encodable, Sendable {
        var position: Int
        var title: String
        var notes: String
        var recommendationId: Int?
        var planEntryId: Int?
    }

    struct Decision: Encodable, Sendable {
        var id: Int
        var text: String
    }

    var id: Int
    var kind: String
    var title: String
    /// UTC, ISO 8601.
    var startsAt: String
    var endsAt: String
    var timeZone: String
    var place: String
    var status: String
    var isPublic: Bool
    var workingGroup: APIReference?
    var agenda: [AgendaEntry]?
    var decisions: [Decision]?
    var minutes: String?
    var actionItems: [APIActionItem]?

    init(_ meeting: MeetingSummary) {
        id = meeting.id
        kind = meeting.kind.rawValue
        title = meeting.title
        startsAt = Self.time(meeting.startsAt)
        endsAt = Self.time(meeting.endsAt)
        timeZone = meeting.timeZone
        place = meeting.place
        status = meeting.status.rawValue
        isPublic = meeting.isPublic
        workingGroup = APIReference(id: meeting.workingGroupID, name: meeting.workingGroupName)
    }

    init(_ meeting: Meeting, namesPeople: Bool) {
        let fields = meeting.fields
        id = meeting.id
        kind = fields.kind.rawValue
        title = fields.title
        startsAt = Self.time(meeting.startsAt)
        endsAt = Self.time(meeting.endsAt)
        timeZone = fields.timeZone
        place = fields.place
        status = meeting.status.rawValue
        isPublic = fields.isPublic
        workingGroup = APIReference(id: fields.workingGroupID, name: meeting.workingGroupName)
        agenda = meeting.agenda.map {
            AgendaEntry(
                position: $0.position, title: $0.title, notes: $0.notes, recommendationId: $0.recommendationID,
                planEntryId: $0.planEntryID)
        }
        decisions = meeting.decisions.map { Decision(id: $0.id, text: $0.text) }
        minutes = meeting.minutes
        actionItems = meeting.actionItems.map { APIActionItem($0, namesPeople: namesPeople) }
    }

    static func time(_ date: Date) -> String {
        date.formatted(
            .iso8601.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .omitted))
    }
}
