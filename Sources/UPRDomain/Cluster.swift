/// The seed's five thematic clusters (annex 8.2): the civil-society working groups that draft the plan.
public enum Cluster: String, Sendable, Codable, CaseIterable, Hashable {
    case justice = "justice-civil-political"
    case women
    case children
    case escRights = "esc-rights"
    case vulnerableGroups = "other-vulnerable-groups"

    /// The sub-themes the seed lists under each cluster, in its order.
    public var subThemes: [String] {
        switch self {
        case .justice:
            [
                "Judiciary", "Constitution", "Law enforcement", "Penitentiary", "Torture", "Enforced disappearances",
                "Journalists", "Human rights defenders", "Freedom of assembly", "Freedom of association",
                "Freedom of expression", "Freedom of the media", "Death penalty",
            ]
        case .women: ["Gender"]
        case .children: []
        case .escRights:
            [
                "Right to health", "Right to food", "Right to education", "Poverty reduction", "Right to housing",
                "Business and human rights", "Mining", "Small-scale miners",
            ]
        case .vulnerableGroups:
            [
                "Vulnerable groups", "Disabilities", "LGBT rights", "Ethnic minorities", "Religious minorities",
                "Refugees",
            ]
        }
    }

    /// Localization key of the cluster's name.
    public var labelKey: String { "cluster.\(rawValue)" }
}
