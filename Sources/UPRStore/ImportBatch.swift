import UPRDomain

/// The records read from one file, ready to be written.
public struct ImportBatch: Sendable {
    public var fileName: String
    public var format: String
    public var sha256: String
    public var rowsRead: Int
    public var records: [RecommendationRecord]
    /// What the reader noticed but did not reject (shown in the browser's preview).
    public var warnings: [String] = []

    public init(fileName: String, format: String, sha256: String, rowsRead: Int, records: [RecommendationRecord]) {
        self.fileName = fileName
        self.format = format
        self.sha256 = sha256
        self.rowsRead = rowsRead
        self.records = records
    }
}

/// What writing one file changed.
public struct ImportSummary: Sendable, Codable, Equatable {
    public var importID: Int
    public var fileName: String
    public var format: String
    public var rowsRead: Int
    public var created: Int
    public var updated: Int
    public var unchanged: Int
    /// The same counts for each state under review, by name, for the browser's preview.
    public var states: [String: StateCounts] = [:]

    /// What one import changed for one state under review.
    public struct StateCounts: Sendable, Codable, Equatable {
        public var created = 0
        public var updated = 0
        public var unchanged = 0
        public init() {}
    }
}
