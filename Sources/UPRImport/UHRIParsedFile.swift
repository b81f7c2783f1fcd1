import UPRDomain

/// The records read from one UHRI export held in memory, with what the reader noticed but did not reject.
///
/// Its own type until UHRI joins `ImportFormat` (and `ParsedFile` with it): storage for its fields comes first.
public struct UHRIParsedFile: Sendable {
    /// The file's name as the user gave it.
    public var fileName: String
    /// The layout the file was read as.
    public var format: UHRIFormat
    /// Data rows (XLSX) or records (JSON) read, including any skipped as duplicates.
    public var rowCount: Int
    /// One record per annotation.
    public var records: [RecommendationRecord]
    /// Things a person should check: columns not read, unknown SDG targets or positions, duplicate annotations.
    public var warnings: [String]

    /// Creates a parsed file.
    public init(
        fileName: String, format: UHRIFormat, rowCount: Int, records: [RecommendationRecord], warnings: [String]
    ) {
        self.fileName = fileName
        self.format = format
        self.rowCount = rowCount
        self.records = records
        self.warnings = warnings
    }
}
