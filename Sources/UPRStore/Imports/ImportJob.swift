import Foundation

/// A file uploaded in the browser and the work on it: its preview, then its application. The content stays in the
/// row until the file is applied, so "apply" writes exactly the file that was previewed, from any instance.
public struct ImportJob: Sendable, Equatable {
    /// What the job does next, or did last.
    public enum Task: String, Sendable, Codable {
        case preview
        case apply
    }
    /// Where the job stands. `queued` and `running` are the job queue; `previewed` waits for a person.
    public enum Status: String, Sendable, Codable {
        case queued, running, previewed, applied, failed
    }

    public var id: Int
    public var userID: Int?
    public var actor: String
    public var fileName: String
    public var sha256: String
    public var sizeBytes: Int
    public var format: String
    public var task: Task
    public var status: Status
    public var progressDone: Int
    public var progressTotal: Int
    public var attempts: Int
    public var preview: ImportPreview?
    /// The `imports` rows the application wrote, one per file.
    public var importIDs: [Int]
    public var error: String?
    public var createdAt: String
    public var finishedAt: String?

    /// Whether a job loop still has work to do on it (the page refreshes itself while it does).
    public var isPending: Bool { status == .queued || status == .running }
}
