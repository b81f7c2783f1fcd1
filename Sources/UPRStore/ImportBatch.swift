import UPRDomain

/// The records read from one file, ready to be written.
public struct ImportBatch: Sendable {
    public var fileName: String
    public var format: String
    public var sha256: String
    public var rowsRead: Int
    public var records: [RecommendationRecord]

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
}
