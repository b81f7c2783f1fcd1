import FluentKit
import Foundation
import UPRDomain
import UPRImport
import Vapor

/// Importing files end to end: read and parse every file first, so that a bad file stops the import before
/// anything is written; then write all of them in one transaction.
public enum FileImport {
    /// A file that could not be read or parsed; nothing was written.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// Parses files without touching the database (the first half of `run`).
    public static func parse(_ files: [(name: String, data: Data)], format: ImportFormat?) throws -> [ImportBatch] {
        try files.map { file in
            guard !file.data.isEmpty else {
                throw Failure(description: "\(file.name): the file is empty.")
            }
            let parsed: ParsedFile
            do {
                parsed = try Importer.parse(data: file.data, fileName: file.name, format: format)
            } catch {
                throw Failure(description: String(describing: error))
            }
            let digest = SHA256.hash(data: file.data).map { String(format: "%02x", $0) }.joined()
            var batch = ImportBatch(
                fileName: file.name, format: parsed.format.rawValue, sha256: digest, rowsRead: parsed.rowCount,
                records: parsed.records)
            batch.warnings = parsed.warnings
            return batch
        }
    }

    /// Reads and parses files without touching the database; throws `Failure` for the first bad one.
    public static func load(paths: [String], format: ImportFormat? = nil) throws -> [ImportBatch] {
        var files: [(name: String, data: Data)] = []
        for path in paths {
            let url = URL(fileURLWithPath: path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw Failure(description: "\(path): cannot read the file (does it exist, and may it be read?).")
            }
            files.append((url.lastPathComponent, data))
        }
        return try parse(files, format: format)
    }

    /// Reads, parses and writes files; all or nothing.
    public static func run(
        paths: [String], format: ImportFormat? = nil, actor: String, on database: any Database,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> [ImportSummary] {
        try await RecordWriter.write(load(paths: paths, format: format), actor: actor, on: database, progress: progress)
    }
}
