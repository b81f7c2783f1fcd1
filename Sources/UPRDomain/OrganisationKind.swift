/// The kinds of organisation that take part in implementation and follow-up.
public enum OrganisationKind: String, Sendable, Codable, CaseIterable, Hashable {
    case ministry
    case governmentAgency = "government-agency"
    case parliament
    case nhri
    case cso
    case unAgency = "un-agency"
    case embassy
    case coordinatingBody = "coordinating-body"

    /// Government bodies can be responsible for a recommendation.
    public var isGovernment: Bool { self == .ministry || self == .governmentAgency || self == .parliament }

    public var labelKey: String { "organisationKind.\(rawValue)" }
}
