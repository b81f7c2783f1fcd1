import Foundation
import SQLKit

/// The rows of `import_jobs`: keeping an upload, the atomic claim of the queue, progress, and the outcome.
public struct ImportJobStore: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// Keeps an uploaded file whose parse succeeded; its preview is queued for a job loop (`claimBy` nil) or
    /// claimed by `claimBy`, which makes it at once.
    public func keep(
        fileName: String, sha256: String, format: String, content: Data, userID: Int?, actor: String,
        claimBy instance: String?
    ) async throws -> Int {
        let now = Timestamp.string(Date())
        guard
            let row = try await sql.insert(into: "import_jobs")
                .columns(
                    "user_id", "actor", "file_name", "sha256", "size_bytes", "format", "content", "task", "status",
                    "claimed_by", "claimed_at", "created_at"
                )
                .values(
                    userID, actor, fileName, sha256, content.count, format, content.base64EncodedString(),
                    ImportJob.Task.preview.rawValue,
                    (instance == nil ? ImportJob.Status.queued : ImportJob.Status.running).rawValue, instance,
                    instance == nil ? nil : now, now
                )
                .returning("id").first()
        else { throw StoreError.missingRow("the new import job") }
        return try row.decode(column: "id", as: Int.self)
    }

    private static let columns = """
        id, user_id, actor, file_name, sha256, size_bytes, format, task, status, progress_done, progress_total,
        attempts, preview, import_ids, error, created_at, finished_at
        """

    /// The job `id`, without its content.
    public func job(_ id: Int) async throws -> ImportJob? {
        try await sql.raw("SELECT \(unsafeRaw: Self.columns) FROM import_jobs WHERE id = \(bind: id)").first()
            .map(Self.decode)
    }

    /// The jobs that are not finished (queued, running, waiting for a person), newest first.
    public func open() async throws -> [ImportJob] {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: Self.columns) FROM import_jobs
            WHERE status IN ('queued', 'running', 'previewed', 'failed') ORDER BY id DESC
            """
        ).all().map(Self.decode)
    }

    /// The jobs whose application wrote the import `importID` (for its page's problems).
    public func job(importID: Int) async throws -> ImportJob? {
        // `import_ids` is a comma-separated list: the id is matched with its separators.
        try await sql.raw(
            """
            SELECT \(unsafeRaw: Self.columns) FROM import_jobs
            WHERE ',' || import_ids || ',' LIKE \(bind: "%,\(importID),%")
            """
        ).first().map(Self.decode)
    }

    /// The file kept for the job, while it has not been applied.
    public func content(_ id: Int) async throws -> Data? {
        guard let row = try await sql.raw("SELECT content FROM import_jobs WHERE id = \(bind: id)").first(),
            let text = try row.decode(column: "content", as: String?.self)
        else { return nil }
        return Data(base64Encoded: text)
    }

    /// Claims the oldest queued job, or one whose claim is older than `staleBefore` (its instance stopped), for
    /// `instance`. One statement: the row's status is checked again as it is updated, so of two instances that
    /// both pick the same job only one gets it (PostgreSQL re-reads a row another transaction updated; SQLite
    /// runs one writer at a time).
    public func claim(instance: String, now: Date, staleBefore: Date) async throws -> (id: Int, task: ImportJob.Task)? {
        let stale = Timestamp.string(staleBefore)
        let row = try await sql.raw(
            """
            UPDATE import_jobs SET status = 'running', claimed_by = \(bind: instance),
                claimed_at = \(bind: Timestamp.string(now)), attempts = attempts + 1
            WHERE id = (
                SELECT id FROM import_jobs
                WHERE status = 'queued' OR (status = 'running' AND claimed_at < \(bind: stale))
                ORDER BY id LIMIT 1)
            AND (status = 'queued' OR (status = 'running' AND claimed_at < \(bind: stale)))
            RETURNING id, task
            """
        ).first()
        guard let row else { return nil }
        let task = ImportJob.Task(rawValue: try row.decode(column: "task", as: String.self)) ?? .preview
        return (try row.decode(column: "id", as: Int.self), task)
    }

    /// Records the progress of a running job, and that its instance is still alive.
    public func recordProgress(_ id: Int, done: Int, total: Int, instance: String, now: Date) async throws {
        try await sql.raw(
            """
            UPDATE import_jobs SET progress_done = \(bind: done), progress_total = \(bind: total),
                claimed_at = \(bind: Timestamp.string(now))
            WHERE id = \(bind: id) AND status = 'running' AND claimed_by = \(bind: instance)
            """
        ).run()
    }

    /// Stores a preview; the job then waits for a person to apply or cancel it.
    public func finishPreview(_ id: Int, _ preview: ImportPreview, instance: String) async throws {
        let json = String(decoding: try JSONEncoder().encode(preview), as: UTF8.self)
        let total = preview.summaries.reduce(0) { $0 + $1.created + $1.updated + $1.unchanged }
        try await sql.raw(
            """
            UPDATE import_jobs SET status = 'previewed', preview = \(bind: json), progress_done = \(bind: total),
                progress_total = \(bind: total), error = NULL, finished_at = \(bind: Timestamp.string(Date()))
            WHERE id = \(bind: id) AND status = 'running' AND claimed_by = \(bind: instance)
            """
        ).run()
    }

    /// Starts the application of a previewed job: queued for a job loop (`claimBy` nil) or claimed at once by
    /// `claimBy`. False when the job is not waiting for it (applied already, cancelled, being worked on). The
    /// import is then written, and audited, under the name of `actor`, who applies it.
    public func startApply(_ id: Int, actor: String, claimBy instance: String?) async throws -> Bool {
        try await sql.raw(
            """
            UPDATE import_jobs SET task = 'apply', actor = \(bind: actor), status = \(bind: instance == nil ? "queued" : "running"),
                progress_done = 0, claimed_by = \(bind: instance), claimed_at = \(bind: Timestamp.string(Date())),
                error = NULL
            WHERE id = \(bind: id) AND status = 'previewed' RETURNING id
            """
        ).first() != nil
    }

    /// Marks the job applied, in the transaction that wrote it: only the instance holding the claim may, so of two
    /// that ran it (a claim taken over as stale) one commits. False: someone else holds it now.
    public func markApplied(_ id: Int, importIDs: [Int], claimedBy instance: String) async throws -> Bool {
        try await sql.raw(
            """
            UPDATE import_jobs SET status = 'applied', import_ids = \(bind: importIDs.map(String.init).joined(separator: ",")),
                content = NULL, progress_done = progress_total, finished_at = \(bind: Timestamp.string(Date()))
            WHERE id = \(bind: id) AND status = 'running' AND task = 'apply' AND claimed_by = \(bind: instance)
            RETURNING id
            """
        ).first() != nil
    }

    /// Records why a job failed; a failed preview can only be cancelled, a failed application previewed again.
    public func fail(_ id: Int, message: String, instance: String) async throws {
        try await sql.raw(
            """
            UPDATE import_jobs SET status = 'failed', error = \(bind: message),
                finished_at = \(bind: Timestamp.string(Date()))
            WHERE id = \(bind: id) AND status = 'running' AND claimed_by = \(bind: instance)
            """
        ).run()
    }

    /// Deletes a job that is not being worked on and was not applied; false otherwise.
    public func cancel(_ id: Int) async throws -> Bool {
        try await sql.raw(
            """
            DELETE FROM import_jobs WHERE id = \(bind: id) AND status IN ('previewed', 'failed', 'queued')
            RETURNING id
            """
        ).first() != nil
    }

    static func decode(_ row: any SQLRow) throws -> ImportJob {
        let preview = try row.decode(column: "preview", as: String?.self).flatMap {
            try? JSONDecoder().decode(ImportPreview.self, from: Data($0.utf8))
        }
        let ids = try row.decode(column: "import_ids", as: String?.self) ?? ""
        return ImportJob(
            id: try row.decode(column: "id", as: Int.self),
            userID: try row.decode(column: "user_id", as: Int?.self),
            actor: try row.decode(column: "actor", as: String.self),
            fileName: try row.decode(column: "file_name", as: String.self),
            sha256: try row.decode(column: "sha256", as: String.self),
            sizeBytes: try row.decode(column: "size_bytes", as: Int.self),
            format: try row.decode(column: "format", as: String.self),
            task: ImportJob.Task(rawValue: try row.decode(column: "task", as: String.self)) ?? .preview,
            status: ImportJob.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .failed,
            progressDone: try row.decode(column: "progress_done", as: Int.self),
            progressTotal: try row.decode(column: "progress_total", as: Int.self),
            attempts: try row.decode(column: "attempts", as: Int.self),
            preview: preview, importIDs: ids.split(separator: ",").compactMap { Int($0) },
            error: try row.decode(column: "error", as: String?.self),
            createdAt: try row.decode(column: "created_at", as: String.self),
            finishedAt: try row.decode(column: "finished_at", as: String?.self))
    }
}
