/// What applying a file would change, worked out by writing it in a transaction that is then rolled back: the same
/// code as the real write, so the counts are the ones the application will report.
public struct ImportPreview: Sendable, Codable, Equatable {
    public var summaries: [ImportSummary]
    /// What the reader noticed but did not reject, each naming its file and where in it.
    public var warnings: [String]
    /// How long the trial write took, in seconds.
    public var seconds: Double

    public init(summaries: [ImportSummary], warnings: [String], seconds: Double) {
        self.summaries = summaries
        self.warnings = warnings
        self.seconds = seconds
    }
}
