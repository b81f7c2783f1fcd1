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

        /// The file at `path` cannot be opened.
        static func unreadable(_ path: String) -> Failure {
            Failure(description: "\(path): cannot read the file (does it exist, and may it be read?).")
        }
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
                throw Failure.unreadable(path)
            }
            files.append((url.lastPathComponent, data))
        }
        return try parse(files, format: format)
    }

    /// The files to write: a UHRI JSON export as a stream read while it is written (in the memory of one chunk,
    /// whatever its size), every other file read and parsed now, so that a bad one stops the import before
    /// anything is written. Throws `Failure` for the first file that cannot be read or parsed.
    public static func sources(paths: [String], format: ImportFormat? = nil) throws -> [ImportSource] {
        var parsed: [String] = []
        var out: [(index: Int, source: ImportSource?)] = []
        for (index, path) in paths.enumerated() {
            let name = URL(fileURLWithPath: path).lastPathComponent
            if try streamedFormat(path: path, name: name, format: format) {
                out.append((index, .streamed(path: path, fileName: name)))
            } else {
                parsed.append(path)
                out.append((index, nil))
            }
        }
        var batches = try load(paths: parsed, format: format).makeIterator()
        return out.map { $0.source ?? .parsed(batches.next()!) }
    }

    /// Whether the file at `path` is read as a stream: its format, given or detected from its first megabyte.
    public static func streamedFormat(path: String, name: String, format: ImportFormat?) throws -> Bool {
        if let format { return format.isStreamed }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Failure.unreadable(path)
        }
        defer { try? handle.close() }
        let prefix = (try? handle.read(upToCount: ImportFormat.detectionPrefix)) ?? Data()
        // A zip's directory is at its end, so a workbook or Word file is never told apart by its prefix; and a
        // file too small to need a stream is parsed whole like the others.
        guard !prefix.starts(with: [0x50, 0x4B]), prefix.count == ImportFormat.detectionPrefix else { return false }
        return (try? ImportFormat.detect(data: prefix, fileName: name)) == .uhriJSON
    }

    /// Reads, parses and writes files; all or nothing.
    public static func run(
        paths: [String], format: ImportFormat? = nil, actor: String, on database: any Database,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> [ImportSummary] {
        try await RecordWriter.write(
            sources: sources(paths: paths, format: format), actor: actor, on: database, progress: progress)
    }
}
