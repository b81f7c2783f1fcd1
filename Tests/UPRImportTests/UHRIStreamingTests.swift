import Foundation
import Testing
import UPRDomain
import UPRImport

/// The JSON reader holds one record and one chunk of a file, however large the file: the full export is 400 MB.
@Suite("UHRI JSON streaming")
struct UHRIStreamingTests {
    /// An export of `count` records made by repeating the fixture's 40 under fresh annotation ids, and the size of
    /// its largest record.
    static func generatedExport(count: Int) throws -> (data: Data, largestRecord: Int) {
        let fixture = try #require(
            try JSONSerialization.jsonObject(with: Fixtures.data("uhri/mongolia-uhri.json")) as? [[String: Any]])
        var data = Data("[\n".utf8)
        var largest = 0
        for index in 0..<count {
            var record = fixture[index % fixture.count]
            record["AnnotationId"] = String(format: "%08x-0000-4000-8000-%012x", index / 40, index)
            let bytes = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
            largest = max(largest, bytes.count)
            if index > 0 { data.append(Data(",\n".utf8)) }
            data.append(bytes)
        }
        data.append(Data("\n]\n".utf8))
        return (data, largest)
    }

    @Test("a 5 MB export read in 4 KB chunks: every record, never more than a chunk and a record held")
    func boundedMemory() throws {
        let (data, largest) = try Self.generatedExport(count: 6_000)
        #expect(data.count > 5_000_000)
        let chunkSize = 4_096
        var reader = UHRIJSONReader(fileName: "big.json")
        var count = 0
        var mostHeld = 0
        var start = data.startIndex
        while start < data.endIndex {
            let end = min(start + chunkSize, data.endIndex)
            reader.append(data[start..<end])
            mostHeld = max(mostHeld, reader.bufferedByteCount)
            while let record = try reader.next() {
                count += 1
                #expect(record.provenance.first?.row == count)
            }
            start = end
        }
        reader.finish()
        while try reader.next() != nil { count += 1 }
        #expect(count == 6_000)
        #expect(reader.recordCount == 6_000)
        #expect(reader.warnings == [])
        // The unfinished record and the chunk that follows it, and the separator between two records.
        let bound = chunkSize + largest + 8
        #expect(mostHeld <= bound)
        #expect(reader.peakBufferedByteCount <= bound, "held \(reader.peakBufferedByteCount) bytes of \(data.count)")
        #expect(reader.peakBufferedByteCount * 500 < data.count)
    }

    @Test("read from a file handle: records handed over one at a time, the summary counts and measures them")
    func fileHandle() async throws {
        let (data, largest) = try Self.generatedExport(count: 1_000)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("uhri-\(UUID().uuidString).json")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var symbols: [String: Int] = [:]
        let summary = try await UHRIJSONParser.read(from: handle, fileName: "uhri.json") { record in
            symbols[record.reportSymbol ?? "", default: 0] += 1
        }
        #expect(summary.recordCount == 1_000)
        #expect(summary.byteCount == data.count)
        #expect(summary.peakBufferedByteCount <= UHRIJSONParser.chunkSize + largest + 8)
        #expect(summary.warnings == [])
        // 20 of every 40 records are from the UPR's report.
        #expect(symbols["A/HRC/16/5"] == 500)
    }

    @Test("an error thrown by the caller stops the reading")
    func callerStops() async throws {
        struct Enough: Error {}
        let (data, _) = try Self.generatedExport(count: 200)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("uhri-\(UUID().uuidString).json")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var seen = 0
        await #expect(throws: Enough.self) {
            _ = try await UHRIJSONParser.read(from: handle, fileName: "uhri.json") { _ in
                seen += 1
                if seen == 3 { throw Enough() }
            }
        }
        #expect(seen == 3)
    }

    @Test("a record larger than the limit is refused instead of filling memory")
    func recordLimit() throws {
        var reader = UHRIJSONReader(fileName: "huge.json", maximumRecordSize: 1_024)
        reader.append(Data(#"[{"Text": ""#.utf8))
        #expect(try reader.next() == nil)
        reader.append(Data(repeating: UInt8(ascii: "a"), count: 4_096))
        do {
            _ = try reader.next()
            Issue.record("read a record past the limit")
        } catch {
            #expect(error.record == 1)
            #expect(error.message == "record 1 is larger than 1 KB, the limit for one record (is the file damaged?)")
        }
    }

    @Test("an empty file read from a handle")
    func emptyFile() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("uhri-\(UUID().uuidString).json")
        try Data().write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        await #expect(throws: ImportError(file: "empty.json", message: "the file is empty")) {
            _ = try await UHRIJSONParser.read(from: handle, fileName: "empty.json") { _ in }
        }
    }
}
