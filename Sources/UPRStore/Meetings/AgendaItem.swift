import UPRDomain

/// One item of a meeting's agenda, in order, optionally about a recommendation, a plan entry or another subject.
public struct AgendaItem: Sendable, Equatable, Codable {
    public var id: Int
    public var position: Int
    public var title: String
    public var notes: String
    public var recommendationID: Int?
    public var recommendationLabel: String?
    public var planEntryID: Int?
    /// A subject of another kind (an indicator), named by kind and id, and its title.
    public var subjectKind: EntityKind?
    public var subjectID: Int?
    public var subjectLabel: String?
}

/// What the agenda form adds.
public struct AgendaItemFields: Sendable, Equatable {
    public var title: String = ""
    public var notes: String = ""
    public var recommendationID: Int?
    public var planEntryID: Int?
    public var subjectKind: EntityKind?
    public var subjectID: Int?

    public init() {}
}
