/// What reading a UHRI JSON export from a file found, besides the records handed over one by one.
public struct UHRIReadSummary: Sendable, Equatable {
    /// The file's name as the user gave it.
    public var fileName: String
    /// Records in the file, including any skipped as repeats.
    public var recordCount: Int
    /// Bytes read from the file.
    public var byteCount: Int
    /// The most bytes of the file held at once: the reader's memory, whatever the file's size.
    public var peakBufferedByteCount: Int
    /// What the reader noticed but did not reject.
    public var warnings: [String]

    /// Creates a summary.
    public init(fileName: String, recordCount: Int, byteCount: Int, peakBufferedByteCount: Int, warnings: [String]) {
        self.fileName = fileName
        self.recordCount = recordCount
        self.byteCount = byteCount
        self.peakBufferedByteCount = peakBufferedByteCount
        self.warnings = warnings
    }
}
