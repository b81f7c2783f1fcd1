import UPRDomain

/// One file for `RecordWriter`: parsed whole already, or read record by record while it is written.
public enum ImportSource: Sendable {
    case parsed(ImportBatch)
    /// A UHRI JSON export, read a chunk at a time inside the import's transaction so that memory holds one chunk
    /// of records whatever the file's size (the full export is 400 MB). A fault late in the file still leaves the
    /// database as it was: the transaction rolls back.
    case streamed(path: String, fileName: String)

    /// The file's name as the user gave it.
    public var fileName: String {
        switch self {
        case .parsed(let batch): return batch.fileName
        case .streamed(_, let fileName): return fileName
        }
    }
}

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
    /// Terms the file named that the taxonomies did not hold yet, added by this import (`taxonomy: name`), so that
    /// a person can check them.
    public var termsAdded: [String] = []
    /// What the reader noticed but did not reject, each naming the row or record.
    public var warnings: [String] = []

    public init(
        importID: Int, fileName: String, format: String, rowsRead: Int, created: Int, updated: Int, unchanged: Int
    ) {
        self.importID = importID
        self.fileName = fileName
        self.format = format
        self.rowsRead = rowsRead
        self.created = created
        self.updated = updated
        self.unchanged = unchanged
    }

    // Previews stored before a field existed still decode.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        importID = try container.decode(Int.self, forKey: .importID)
        fileName = try container.decode(String.self, forKey: .fileName)
        format = try container.decode(String.self, forKey: .format)
        rowsRead = try container.decode(Int.self, forKey: .rowsRead)
        created = try container.decode(Int.self, forKey: .created)
        updated = try container.decode(Int.self, forKey: .updated)
        unchanged = try container.decode(Int.self, forKey: .unchanged)
        states = try container.decodeIfPresent([String: StateCounts].self, forKey: .states) ?? [:]
        termsAdded = try container.decodeIfPresent([String].self, forKey: .termsAdded) ?? []
        warnings = try container.decodeIfPresent([String].self, forKey: .warnings) ?? []
    }

    /// What one import changed for one state under review.
    public struct StateCounts: Sendable, Codable, Equatable {
        public var created = 0
        public var updated = 0
        public var unchanged = 0
        public init() {}
    }
}
