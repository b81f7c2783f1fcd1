import UPRDomain

/// A stored indicator with the names its page shows.
public struct Indicator: Sendable, Equatable, Codable {
    public var id: Int
    public var fields: IndicatorFields
    public var responsibleName: String?
    public var dataPartnerNames: [String]
    /// Whether it passed all five SMART criteria when last saved or measured.
    public var smartPasses: Bool
    /// Whether a published plan entry tracks it: only then does the public see it.
    public var isPublic: Bool
    public var version: Int
    public var createdAt: String
    public var updatedAt: String
}

/// An indicator's line in the list.
public struct IndicatorListItem: Sendable, Equatable {
    public var id: Int
    public var title: String
    public var kind: IndicatorKind
    public var unit: String
    public var responsibleName: String?
    public var smartPasses: Bool
    public var baselineValue: Double?
    public var baselineDate: String?
    public var targetValue: Double?
    public var targetDate: String?
    public var latestValue: Double?
    public var latestDate: String?

    /// How far the latest accepted value has come from the baseline towards the target, from 0 to 1 (beyond the
    /// target counts as 1, a move away from it as 0); nil without baseline, target or a measurement.
    public var progress: Double? {
        guard let baseline = baselineValue, let target = targetValue, let latest = latestValue, target != baseline
        else { return nil }
        return min(max((latest - baseline) / (target - baseline), 0), 1)
    }
}

/// Which indicators the list shows.
public struct IndicatorFilter: Sendable, Equatable {
    public var state: String?
    public var workingGroupID: Int?
    public var organisationID: Int?
    public var kind: IndicatorKind?

    public init(
        state: String? = nil, workingGroupID: Int? = nil, organisationID: Int? = nil, kind: IndicatorKind? = nil
    ) {
        self.state = state
        self.workingGroupID = workingGroupID
        self.organisationID = organisationID
        self.kind = kind
    }
}
