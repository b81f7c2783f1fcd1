/// Whose view an assessment gives. The seed asks for the government's self-assessment beside the independent ones
/// of the national human rights institution and civil society, so assessments are grouped by the kind of the
/// organisation that made them.
public enum Perspective: String, Sendable, Codable, CaseIterable, Hashable {
    case government
    case nhri
    case civilSociety = "civil-society"
    case partners

    public init(_ kind: OrganisationKind) {
        switch kind {
        case .ministry, .governmentAgency, .parliament: self = .government
        case .nhri: self = .nhri
        case .cso: self = .civilSociety
        case .unAgency, .embassy, .coordinatingBody: self = .partners
        }
    }

    public var labelKey: String { "perspective.\(rawValue)" }
}
