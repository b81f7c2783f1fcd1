import Synchronization
import Vapor

/// The progress of the import jobs this process is running, for their pages. On PostgreSQL the job row carries it
/// too (any instance's page can show it); SQLite has one writer, and the import holds it, so the row cannot be
/// updated while the file is written: the pages of the instance running the job read it here.
public final class ImportProgressBoard: Sendable {
    private let progress = Mutex([Int: (done: Int, total: Int)]())

    public init() {}

    public func set(_ id: Int, done: Int, total: Int) {
        progress.withLock { $0[id] = (done, total) }
    }

    public func clear(_ id: Int) {
        _ = progress.withLock { $0.removeValue(forKey: id) }
    }

    public func progress(of id: Int) -> (done: Int, total: Int)? {
        progress.withLock { $0[id] }
    }
}

extension Application {
    private struct ImportProgressKey: StorageKey { typealias Value = ImportProgressBoard }

    /// The board of this process's running import jobs (made on first use).
    public var importProgress: ImportProgressBoard {
        if let board = storage[ImportProgressKey.self] { return board }
        let board = ImportProgressBoard()
        storage[ImportProgressKey.self] = board
        return board
    }
}
