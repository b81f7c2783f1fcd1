import UPRDomain

/// One recommendation as lists show it. Field names are the API's and stay stable; the coded values are the domain's
/// types, decoded once here (their raw values are what the API writes).
public struct RecommendationSummary: Sendable, Codable, Equatable {
    public var id: Int
    public var kind: RecordKind
    public var stateUnderReview: String
    public var cycle: Int?
    public var session: Int?
    /// The document's UN symbol when the source gives one (treaty bodies and special procedures always do).
    public var reportSymbol: String?
    public var paragraph: String?
    public var text: String
    public var recommendingStates: [String]
    public var response: Response
    public var actionCategory: ActionCategory?
    public var mechanism: Mechanism
    public var clusters: [Cluster]
    public var issues: [String]
}

/// A page of results with what is needed to page through the rest.
public struct RecommendationPage: Sendable, Codable, Equatable {
    public var total: Int
    public var page: Int
    public var per: Int
    public var pages: Int
    public var items: [RecommendationSummary]
}
