import Foundation
import UPRDomain

/// Reads UHRI's JSON export, from a file as a stream or from bytes in memory; both go through `UHRIJSONReader`.
public enum UHRIJSONParser {
    /// The bytes read from a file at a time: large enough that reading costs little, small beside one record's
    /// worth of parsed values.
    public static let chunkSize = 1 << 16

    /// Reads the export at `handle` chunk by chunk and hands each record to `body` as soon as it is read, holding
    /// one record and one chunk of the file at a time. `onBytes` sees each chunk of the file as it is read (to hash
    /// it, or to tell how far the reading is).
    ///
    /// - Throws: `ImportError` for a fault in the file (naming the record, field and problem) or when the file
    ///   cannot be read; and whatever `body` throws, which stops the reading.
    public static func read(
        from handle: FileHandle, fileName: String, chunkSize: Int = chunkSize, onBytes: (Data) -> Void = { _ in },
        _ body: (RecommendationRecord) async throws -> Void
    ) async throws -> UHRIReadSummary {
        var reader = UHRIJSONReader(fileName: fileName)
        var byteCount = 0
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: chunkSize) ?? Data()
            } catch {
                throw ImportError(file: fileName, message: "the file cannot be read: \(error.localizedDescription)")
            }
            if chunk.isEmpty { break }
            byteCount += chunk.count
            onBytes(chunk)
            reader.append(chunk)
            while let record = try reader.next() { try await body(record) }
        }
        if byteCount == 0 { throw ImportError(file: fileName, message: "the file is empty") }
        reader.finish()
        while let record = try reader.next() { try await body(record) }
        return UHRIReadSummary(
            fileName: fileName, recordCount: reader.recordCount, byteCount: byteCount,
            peakBufferedByteCount: reader.peakBufferedByteCount, warnings: reader.warnings)
    }

    /// Parses an export held in memory. It is fed to the reader in chunks as a file would be, so the same limits
    /// and messages apply; the records, of course, are all kept.
    public static func parse(data: Data, fileName: String, chunkSize: Int = chunkSize) throws(ImportError)
        -> ParsedFile
    {
        guard !data.isEmpty else { throw ImportError(file: fileName, message: "the file is empty") }
        var reader = UHRIJSONReader(fileName: fileName)
        var records: [RecommendationRecord] = []
        var start = data.startIndex
        while start < data.endIndex {
            let end = data.index(start, offsetBy: chunkSize, limitedBy: data.endIndex) ?? data.endIndex
            reader.append(data[start..<end])
            while let record = try reader.next() { records.append(record) }
            start = end
        }
        reader.finish()
        while let record = try reader.next() { records.append(record) }
        return ParsedFile(
            fileName: fileName, format: .uhriJSON, rowCount: reader.recordCount, records: records,
            warnings: reader.warnings)
    }
}
