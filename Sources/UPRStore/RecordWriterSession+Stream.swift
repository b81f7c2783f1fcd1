import Foundation
import UPRDomain
import UPRImport
import Vapor

extension RecordWriterSession {
    /// Records written at a time from a streamed file: large enough that each chunk's statements are full, small
    /// enough that the chunk's records and their rows stay a few tens of megabytes. Tests make it small to cross
    /// chunk boundaries with a small file.
    @TaskLocal static var streamChunk = 10_000

    /// Reads a UHRI JSON export from `path` a chunk at a time and writes each chunk as it is read, hashing the file
    /// on the way; a fault anywhere in the file is a `FileImport.Failure` and the transaction rolls back.
    func writeStream(path: String, fileName: String, actor: String) async throws -> ImportSummary {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FileImport.Failure.unreadable(path)
        }
        defer { try? handle.close() }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        var file = try await begin(
            fileName: fileName, format: ImportFormat.uhriJSON.rawValue, sha256: "", actor: actor)
        file.tracksCreated = true
        file.defersRecurrence = true
        var hasher = SHA256()
        var bytesRead = 0
        var recordsRead = 0
        var pending: [RecommendationRecord] = []
        pending.reserveCapacity(Self.streamChunk)
        let doneBefore = done
        func flush() async throws {
            guard !pending.isEmpty else { return }
            // The file's total is not known until its end: estimated from the bytes read so far.
            if bytesRead > 0 { total = max(total, doneBefore + recordsRead * max(size, bytesRead) / bytesRead) }
            try await writeRecords(pending, into: &file, actor: actor)
            pending.removeAll(keepingCapacity: true)
        }
        let read: UHRIReadSummary
        do {
            read = try await UHRIJSONParser.read(
                from: handle, fileName: fileName,
                onBytes: { chunk in
                    bytesRead += chunk.count
                    hasher.update(data: chunk)
                },
                { record in
                    recordsRead += 1
                    pending.append(record)
                    if pending.count >= Self.streamChunk { try await flush() }
                })
            try await flush()
        } catch let error as ImportError {
            throw FileImport.Failure(description: String(describing: error))
        }
        let digest = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        file.summary.warnings = read.warnings
        return try await finish(&file, sha256: digest, rowsRead: read.recordCount, actor: actor)
    }
}
