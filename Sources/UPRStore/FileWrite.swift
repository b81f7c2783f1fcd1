/// What writing one file has changed so far. A file parsed whole is written in one go; a streamed one a chunk at a
/// time into the same `FileWrite`, so that its summary, its audit entry and its recurrence refresh are the file's.
struct FileWrite {
    let importID: Int
    var summary: ImportSummary
    var updatedIDs: [Int] = []
    /// Whether later chunks of the same file can follow: then the rows created so far are remembered by natural
    /// key, because an earlier chunk's rows are not looked up in the database when the registry was empty.
    var tracksCreated = false
    var createdHere: [String: StoredMatch] = [:]
    /// Whether the recurrence groups are worked out once at the end of the transaction (streamed files, see
    /// `RecordWriterSession.refreshDeferredRecurrence`) rather than per chunk: a state's groups depend on all its
    /// records, and recomputing them every 10,000 records would repeat the work.
    var defersRecurrence = false

    init(importID: Int, summary: ImportSummary) {
        self.importID = importID
        self.summary = summary
    }
}
