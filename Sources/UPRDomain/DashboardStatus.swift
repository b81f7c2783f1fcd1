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

    /// The status the SQL's `MIN(rank)` stands for (see `rankSQL`), and nothing for a recommendation nobody
    /// assessed.
    public init(rank: Int?) {
        let status = rank.flatMap { rank in ImplementationStatus.allCases.first { Self.cautionRank($0) == rank } }
        switch status {
        case .notStarted: self = .notStarted
        case .partial: self = .partial
        case .full: self = .full
        case .noData: self = .noData
        case nil: self = .notAssessed
        }
    }

    /// The rule itself, for assessments already in memory (the mid-term report); the dashboards' SQL applies the
    /// same rule through `rankSQL`, so the report and the dashboards never disagree.
    public static func mostCautious(_ statuses: [ImplementationStatus]) -> DashboardStatus {
        DashboardStatus(rank: statuses.map(cautionRank).min())
    }

    /// A status as a number whose minimum is the most cautious status that could tell: progress order, with
    /// "no data" after every known status so that it only wins when nobody could tell.
    static func cautionRank(_ status: ImplementationStatus) -> Int { status == .noData ? 9 : status.rank }

    /// `cautionRank` in SQL, over an assessment row `a`.
    public static let rankSQL =
        "CASE a.status "
        + ImplementationStatus.allCases.map { "WHEN '\($0.rawValue)' THEN \(cautionRank($0))" }.joined(separator: " ")
        + " END"
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
