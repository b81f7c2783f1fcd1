/// One recommendation as lists show it. Field names are the API's and stay stable.
public struct RecommendationSummary: Sendable, Codable, Equatable {
    public var id: Int
    public var kind: String
    public var stateUnderReview: String
    public var cycle: Int?
    public var session: Int?
    public var paragraph: String?
    public var text: String
    public var recommendingStates: [String]
    public var response: String
    public var actionCategory: Int?
    public var mechanism: String
    public var clusters: [String]
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
