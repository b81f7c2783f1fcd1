import UPRDomain

/// Which meetings a list or a feed shows.
public struct MeetingFilter: Sendable, Equatable {
    public var kind: MeetingKind?
    public var workingGroupID: Int?
    /// Only meetings marked public: what the public and the public feed see.
    public var publicOnly = false
    /// Only meetings this organisation or this person is invited to (a person's calendar feed).
    public var invitedOrganisationID: Int?
    public var invitedUserID: Int?

    public init(kind: MeetingKind? = nil, workingGroupID: Int? = nil, publicOnly: Bool = false) {
        self.kind = kind
        self.workingGroupID = workingGroupID
        self.publicOnly = publicOnly
    }
}
