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
    /// The SDG targets (`16.3`) the record is linked to, in the goals' order.
    public var sdgTargets: [String] = []
    // What UHRI says of a record and the other sources do not; nil or empty for a UPR Info or OHCHR record.
    /// The body as UHRI names it (`Committee against Torture`, `CRC-OP-SC`, `SR on torture`).
    public var recommendingBody: String? = nil
    /// The state's position as UHRI wrote it (`Supported`, `Noted`), beside the response it was read as.
    public var positionAsGiven: String? = nil
    /// Every state the record concerns (a joint communication names several), the state under review among them.
    public var statesConcerned: [String] = []
    public var regionsConcerned: [String] = []
    /// The document's publication date, `YYYY-MM-DD`.
    public var publicationDate: String? = nil
    /// The day UHRI indexed the record, `YYYY-MM-DD`.
    public var indexedDate: String? = nil
}

/// A page of results with what is needed to page through the rest.
public struct RecommendationPage: Sendable, Codable, Equatable {
    public var total: Int
    public var page: Int
    public var per: Int
    public var pages: Int
    public var items: [RecommendationSummary]
}
