import Foundation
import UPRStore
import Vapor

/// The import jobs of `upr serve`: at start and every `importPollSeconds`, the queue's jobs one after the other.
/// Every instance on the database runs its own loop; the claim in `ImportJobStore` gives each job to one of them.
public final class ImportJobLoop: LifecycleHandler, Sendable {
    private let interval: Duration
    private let staleSeconds: Int
    /// This process, in the job rows it claims.
    let instance = "serve:" + UUID().uuidString
    private let loop = RepeatingTask()

    public init(pollSeconds: Int, staleSeconds: Int) {
        interval = .seconds(max(1, pollSeconds))
        self.staleSeconds = staleSeconds
    }

    public func didBootAsync(_ application: Application) async throws {
        let (interval, staleSeconds, instance) = (interval, staleSeconds, instance)
        let logger = application.logger
        let database = application.db
        let board = application.importProgress
        loop.start(every: interval) {
            do {
                // The queue is emptied before the next wait: several files uploaded at once run one after another.
                while try await ImportJobRunner.runNext(
                    on: database, instance: instance, staleAfter: staleSeconds, board: board)
                {
                    logger.info("Import job finished")
                }
            } catch {
                logger.error("Import jobs stopped for now: \(String(reflecting: error))")
            }
        }
    }

    public func shutdownAsync(_ application: Application) async {
        await loop.stop()
    }
}

extension Application {
    /// Starts the import job loop with the server.
    public func startImportJobs() {
        lifecycle.use(
            ImportJobLoop(pollSeconds: settings.importPollSeconds, staleSeconds: settings.importStaleSeconds))
    }
}
