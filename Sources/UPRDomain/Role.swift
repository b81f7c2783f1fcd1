/// What a person may do, by the part they play in the follow-up (the seed's stakeholders).
public enum Role: String, Sendable, Codable, CaseIterable, Hashable {
    /// The secretariat of the coordinating committee: manages organisations, groups, accounts and responses.
    case administrator
    /// A ministry's UPR focal point: answers the plan entries its ministry is responsible for.
    case focalPoint = "focal-point"
    /// A member of a civil-society organisation: drafts plan entries in its working groups.
    case csoMember = "cso-member"
    /// A UN agency, an embassy or another partner: reads drafts, changes nothing.
    case observer

    public var labelKey: String { "role.\(rawValue)" }
}
