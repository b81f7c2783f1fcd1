/// A recommendation's place on the dashboards in one round, as one perspective sees it. A recommendation assessed
/// by several organisations of the perspective takes the most cautious status among those that could tell, so a
/// chart never shows more progress than every assessor agrees on.
public enum DashboardStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case full
    case partial
    case notStarted = "not-started"
    case noData = "no-data"
    case notAssessed = "not-assessed"

    /// The order of a chart's segments and its legend: most progress first.
    public var labelKey: String {
        self == .notAssessed ? "dashboard.notAssessed" : "implementation.\(rawValue)"
    }

    /// The status the SQL's `MIN(rank)` stands for (see `rankSQL`): 1–3 for the scale, 9 for "no data" only, and
    /// nothing for a recommendation nobody assessed.
    public init(rank: Int?) {
        switch rank {
        case 1: self = .notStarted
        case 2: self = .partial
        case 3: self = .full
        case 9: self = .noData
        default: self = .notAssessed
        }
    }

    /// A status as a number whose minimum is the most cautious known status ("no data" sorts last).
    public static let rankSQL =
        "CASE a.status WHEN 'not-started' THEN 1 WHEN 'partial' THEN 2 WHEN 'full' THEN 3 ELSE 9 END"
}

/// Whose assessments a dashboard shows: one perspective, or everyone's (the most cautious of all).
public enum DashboardPerspective: String, Sendable, Codable, CaseIterable, Hashable {
    case everyone
    case government
    case nhri
    case civilSociety = "civil-society"

    public var labelKey: String { "dashboard.perspective.\(rawValue)" }

    /// The organisation kinds whose assessments count.
    public var kinds: [OrganisationKind] {
        switch self {
        case .everyone: OrganisationKind.allCases
        case .government: OrganisationKind.allCases.filter { Perspective($0) == .government }
        case .nhri: [.nhri]
        case .civilSociety: [.cso]
        }
    }
}

/// What a dashboard chart groups recommendations by.
public enum DashboardDimension: String, Sendable, Codable, CaseIterable, Hashable {
    case cluster
    case ministry
    case response

    public var labelKey: String { "dashboard.by.\(rawValue)" }
}
