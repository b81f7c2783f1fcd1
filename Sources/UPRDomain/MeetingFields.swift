import Foundation

/// What the schedule form sets on a meeting. Times are local to `timeZone`, as typed.
public struct MeetingFields: Sendable, Equatable, Codable {
    public var kind: MeetingKind = .workingGroup
    public var title: String = ""
    public var startsLocal: String = ""
    public var endsLocal: String = ""
    public var timeZone: String = MeetingTime.defaultZone
    public var place: String = ""
    public var organiserID: Int?
    public var workingGroupID: Int?
    public var isPublic: Bool = false
    public var invitedOrganisationIDs: [Int] = []
    public var invitedUserIDs: [Int] = []

    public init() {}

    public var startsAt: Date? { MeetingTime.utc(local: startsLocal, zone: timeZone) }
    public var endsAt: Date? { MeetingTime.utc(local: endsLocal, zone: timeZone) }

    /// The fields as text, for the audit log and the conflict page.
    public var asText: [String: String?] {
        [
            "kind": kind.rawValue, "title": title, "starts": startsLocal, "ends": endsLocal, "timeZone": timeZone,
            "place": place, "organiser": organiserID.map(String.init), "workingGroup": workingGroupID.map(String.init),
            "public": isPublic ? "yes" : "no",
            "invitedOrganisations": invitedOrganisationIDs.sorted().map(String.init).joined(separator: ","),
            "invitedPeople": invitedUserIDs.sorted().map(String.init).joined(separator: ","),
        ]
    }

    /// Problems a person can fix, each naming the form field.
    public func problems() -> [(field: String, messageKey: String)] {
        var out: [(String, String)] = []
        if title.trimmingCharacters(in: .whitespaces).isEmpty { out.append(("title", "form.error.required")) }
        if title.count > 300 { out.append(("title", "form.error.tooLong")) }
        if place.count > 500 { out.append(("place", "form.error.tooLong")) }
        if TimeZone(identifier: timeZone) == nil { out.append(("timeZone", "form.error.choice")) }
        if startsAt == nil { out.append(("startsLocal", "meeting.error.time")) }
        if endsAt == nil { out.append(("endsLocal", "meeting.error.time")) }
        if let start = startsAt, let end = endsAt, end < start {
            out.append(("endsLocal", "meeting.error.endBeforeStart"))
        }
        if kind == .workingGroup && workingGroupID == nil { out.append(("workingGroupID", "meeting.error.group")) }
        return out
    }
}
