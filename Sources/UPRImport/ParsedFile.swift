import UPRDomain

/// The records read from one file, with what the reader noticed but did not reject.
public struct ParsedFile: Sendable {
    /// The file's name as the user gave it.
    public var fileName: String
    /// The format the file was read as.
    public var format: ImportFormat
    /// Data rows (UPR Info export) or table rows (thematic list) read.
    public var rowCount: Int
    /// One record per recommendation: rows of a joint recommendation are merged.
    public var records: [RecommendationRecord]
    /// Things a person should check: conflicting responses, unknown issues, guessed encodings.
    public var warnings: [String]

    /// Creates a parsed file.
    public init(
        fileName: String, format: ImportFormat, rowCount: Int, records: [RecommendationRecord], warnings: [String]
    ) {
        self.fileName = fileName
        self.format = format
        self.rowCount = rowCount
        self.records = records
        self.warnings = warnings
    }
}
