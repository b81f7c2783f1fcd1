import UPRDomain
import UPRFileFormats

/// Reads UHRI's JSON export (one array of objects) as a stream: the caller appends the file's bytes in chunks and
/// takes each record as soon as its bytes have arrived, so that the 400 MB export is read in the memory of one
/// record and one chunk.
///
/// ```swift
/// var reader = UHRIJSONReader(fileName: "uhri.json")
/// while let chunk = try handle.read(upToCount: 65_536), !chunk.isEmpty {
///     reader.append(chunk)
///     while let record = try reader.next() { store(record) }
/// }
/// reader.finish()
/// while let record = try reader.next() { store(record) }
/// ```
///
/// A file cut off in the middle is an `ImportError` naming the record and the field it stops in and what was
/// expected there. `peakBufferedByteCount` tells how much of the file was held at once.
public struct UHRIJSONReader: Sendable {
    private let fileName: String
    private var stream: JSONArrayStream
    private var mapper: UHRIRecordMapper
    private var finished = false

    /// A reader that refuses a record larger than `maximumRecordSize` bytes (a real one is a few kilobytes).
    public init(fileName: String, maximumRecordSize: Int = 16 << 20) {
        self.fileName = fileName
        stream = JSONArrayStream(maximumElementSize: maximumRecordSize, elementNoun: "record")
        mapper = UHRIRecordMapper(fileName: fileName, format: .json)
    }

    /// Hands the reader the file's next bytes.
    public mutating func append(_ bytes: some Collection<UInt8>) { stream.append(bytes) }

    /// Says the file has ended; `next()` then returns what remains, and a file cut short is an error.
    public mutating func finish() {
        finished = true
        stream.finish()
    }

    /// The next record; nil when the bytes so far complete no further record (before `finish()`) or when the
    /// file is read to its end (after it). A repeated annotation is skipped, and noted in `warnings`.
    public mutating func next() throws(ImportError) -> RecommendationRecord? {
        while true {
            let event: JSONArrayStream.Event
            do throws(JSONStreamError) {
                event = try stream.next()
            } catch {
                throw ImportError(file: fileName, record: error.element, column: error.key, message: error.message)
            }
            switch event {
            case .needsInput, .end: return nil
            case .element(let value):
                let number = stream.elementCount
                if let record = try mapper.record(try entry(value, record: number), at: number) { return record }
            }
        }
    }

    /// Records read so far, including any skipped as repeats.
    public var recordCount: Int { stream.elementCount }
    /// What the reader noticed but did not reject, one line per kind of problem.
    public var warnings: [String] { mapper.warnings }
    /// Bytes of the file held now.
    public var bufferedByteCount: Int { stream.bufferedByteCount }
    /// The most bytes of the file held at once so far: one record and one chunk, whatever the file's size.
    public var peakBufferedByteCount: Int { stream.peakBufferedByteCount }

    // MARK: - Fields

    private mutating func entry(_ value: JSONValue, record: Int) throws(ImportError) -> UHRIRecordMapper.Entry {
        guard case .object(let members) = value else {
            throw ImportError(
                file: fileName, record: record,
                message: "expected an object with AnnotationId, Text and the other UHRI fields, found "
                    + value.kindDescription)
        }
        var entry: UHRIRecordMapper.Entry = [:]
        var unknown: [String] = []
        for (key, member) in members {
            guard let field = UHRIField.matching(jsonKey: key) else {
                unknown.append(key)
                continue
            }
            let values = try strings(member, field: field, key: key, record: record)
            if !values.isEmpty { entry[field] = values }
        }
        // Sorted, so that the warnings come in the same order on every run (an object's members have none).
        for key in unknown.sorted() {
            mapper.note("field “\(key)” is not a UHRI field and was ignored", at: record)
        }
        return entry
    }

    /// A member's values as text: a string, a number, or an array of them; null and empty strings are no value.
    private func strings(_ value: JSONValue, field: UHRIField, key: String, record: Int) throws(ImportError)
        -> [String]
    {
        func scalar(_ value: JSONValue) throws(ImportError) -> String? {
            switch value {
            case .null: return nil
            case .string(let text):
                // The text is HTML, and its `- ` (if any) is inside the markup: the mapper cleans it after.
                let cleaned = field == .text ? text : UHRIValue.clean(text)
                return cleaned.isEmpty ? nil : cleaned
            case .number(let text): return text
            case .bool(let flag): return flag ? "true" : "false"
            case .array, .object:
                throw ImportError(
                    file: fileName, record: record, column: key,
                    message: "expected \(field.isList ? "strings" : "a string"), found \(value.kindDescription)")
            }
        }
        if case .array(let elements) = value {
            var out: [String] = []
            for element in elements {
                if let text = try scalar(element) { out.append(text) }
            }
            return out
        }
        return try scalar(value).map { [$0] } ?? []
    }
}
