import FluentKit
import Foundation
import Synchronization

/// Runs an import job: its preview (the real write, rolled back) or its application (the real write, committed with
/// the job's mark). The web runs a small file's job at once; a job loop of `upr serve` runs the queued ones.
public enum ImportJobRunner {
    /// The preview's write, carried out of its transaction so that the transaction rolls back.
    private struct Rollback: Error {
        var summaries: [ImportSummary]
    }

    /// Why a job could not be finished by this instance.
    public enum Refusal: Error, Sendable {
        /// Its content is gone (applied or cancelled) or another instance holds it now.
        case notThisInstances
    }

    /// Parses a kept file as `upr import` does.
    public static func batches(of job: ImportJob, content: Data) throws -> [ImportBatch] {
        try FileImport.parse([(job.fileName, content)], format: nil)
    }

    /// What writing `batches` would change: the same write as the application, in a transaction rolled back.
    public static func preview(
        _ batches: [ImportBatch], actor: String, on database: any Database,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> ImportPreview {
        let started = Date()
        do {
            try await database.transaction { transaction -> Void in
                throw Rollback(
                    summaries: try await RecordWriter.write(
                        batches, actor: actor, on: transaction, progress: progress))
            }
        } catch let rollback as Rollback {
            return ImportPreview(
                summaries: rollback.summaries, warnings: batches.flatMap(\.warnings),
                seconds: Date().timeIntervalSince(started))
        }
        // The transaction's body always throws.
        throw StoreError.missingRow("the preview of \(batches.map(\.fileName))")
    }

    /// Claims and runs the oldest queued job (or one whose instance stopped); false when there was none.
    public static func runNext(
        on database: any Database, instance: String, staleAfter seconds: Int, board: ImportProgressBoard
    ) async throws -> Bool {
        let now = Date()
        guard
            let claimed = try await ImportJobStore(database.sql()).claim(
                instance: instance, now: now, staleBefore: now.addingTimeInterval(-Double(seconds)))
        else { return false }
        await run(claimed.id, task: claimed.task, instance: instance, on: database, board: board)
        return true
    }

    /// Runs the job `id` that `instance` holds; a failure is stored in the job, not thrown.
    public static func run(
        _ id: Int, task: ImportJob.Task, instance: String, on database: any Database, board: ImportProgressBoard
    ) async {
        defer { board.clear(id) }
        do {
            let store = ImportJobStore(try database.sql())
            guard let job = try await store.job(id), let content = try await store.content(id) else {
                throw Refusal.notThisInstances
            }
            let parsed = try batches(of: job, content: content)
            let progress = ProgressReporter(id: id, instance: instance, database: database, board: board)
            switch task {
            case .preview:
                let preview = try await preview(parsed, actor: job.actor, on: database, progress: progress.report)
                try await store.finishPreview(id, preview, instance: instance)
            case .apply:
                try await database.writeTransaction { transaction in
                    let summaries = try await RecordWriter.write(
                        parsed, actor: job.actor, on: transaction, progress: progress.report)
                    guard
                        try await ImportJobStore(transaction.sql()).markApplied(
                            id, importIDs: summaries.map(\.importID), claimedBy: instance)
                    else { throw Refusal.notThisInstances }
                }
            }
        } catch Refusal.notThisInstances {
            return
        } catch {
            let message = (error as? FileImport.Failure)?.description ?? String(describing: error)
            try? await ImportJobStore(database.sql()).fail(id, message: message, instance: instance)
        }
    }
}

/// Passes a running job's progress to this process's board and, on PostgreSQL, to its row (at most once a second,
/// on a connection of its own, which also renews the claim). SQLite's one writer is busy with the import.
private final class ProgressReporter: Sendable {
    let id: Int
    let instance: String
    let database: any Database
    let board: ImportProgressBoard
    private let lastWrite = Mutex(Date.distantPast)

    init(id: Int, instance: String, database: any Database, board: ImportProgressBoard) {
        self.id = id
        self.instance = instance
        self.database = database
        self.board = board
    }

    @Sendable func report(_ done: Int, _ total: Int) {
        board.set(id, done: done, total: total)
        guard let sql = try? database.sql(), DatabaseKind(sql) == .postgres else { return }
        let now = Date()
        let due = lastWrite.withLock { last in
            guard now.timeIntervalSince(last) >= 1 else { return false }
            last = now
            return true
        }
        guard due else { return }
        let (id, instance) = (id, instance)
        Task {
            try? await ImportJobStore(sql).recordProgress(id, done: done, total: total, instance: instance, now: now)
        }
    }
}
