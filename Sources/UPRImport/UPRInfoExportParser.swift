import Foundation
import UPRDomain
import UPRFileFormats

/// Reads a UPR Info database export (CSV, one row per recommending state) into one record per recommendation.
///
/// The export splits a joint recommendation into one row per state that made it. Rows with the same state under
/// review, session and text (after `TextKey.normalize`) are one paragraph of the Working Group report, so they become
/// one record listing every recommending state, with the union of their issues and every row as provenance.
public enum UPRInfoExportParser {
    /// The `Response` that marks a pledge the state under review made itself.
    static let voluntaryPledge = "voluntary pledge"
    /// The `From` value the database gives when it does not know the recommending state.
    static let unknownState = "(Unknown)"

    /// Parses an export in any of the encodings the database wrote (see `LegacyTextDecoding`).
    public static func parse(data: Data, fileName: String) throws(ImportError) -> ParsedFile {
        guard !data.isEmpty else { throw ImportError(file: fileName, message: "the file is empty") }
        let (bytes, encoding) = LegacyTextDecoding.utf8Bytes(of: data)
        if Self.looksBinary(bytes) {
            throw ImportError(file: fileName, message: ImportFormat.unrecognisedMessage)
        }
        var parsed = try parse(utf8: bytes, fileName: fileName)
        if encoding == .macRoman || encoding == .windows1252 {
            parsed.warnings.insert(
                "read as \(encoding.rawValue): the file does not say its encoding, so it was judged from its accented "
                    + "letters", at: 0)
        }
        return parsed
    }

    /// Parses an export already decoded to UTF-8 bytes.
    public static func parse(utf8 bytes: [UInt8], fileName: String) throws(ImportError) -> ParsedFile {
        var reader = CSVReader(bytes: bytes)
        let header = try readHeader(&reader, fileName: fileName)
        reader.ignoreFields(header.unusedFieldIndexes)
        // UPR Info rows average about 250 bytes; reserving avoids rehashing the grouping table as it grows.
        var grouper = UPRInfoRowGrouper(fileName: fileName, header: header, expectedRows: bytes.count / 250)
        while true {
            let fields: [String]
            do throws(CSVError) {
                guard let next = try reader.nextRecord() else { break }
                fields = next
            } catch {
                throw ImportError(
                    file: fileName, row: error.record, column: header.name(ofField: error.field),
                    message: error.message)
            }
            if fields.isEmpty { continue }
            try grouper.add(fields, row: reader.recordNumber)
        }
        return grouper.finish()
    }

    /// Reads and checks the header row, returning where each column is.
    private static func readHeader(_ reader: inout CSVReader, fileName: String) throws(ImportError) -> UPRInfoHeader {
        let expected = UPRInfoColumn.allCases.map(\.rawValue).joined(separator: ", ")
        let first: [String]?
        do throws(CSVError) {
            first = try reader.nextRecord()
        } catch {
            throw ImportError(
                file: fileName, row: error.record, message: "the header row is not valid CSV: \(error.message)")
        }
        guard let fields = first else { throw ImportError(file: fileName, message: "the file is empty") }
        let header = UPRInfoHeader(fields: fields)
        let missing = UPRInfoColumn.required.filter { header.index(of: $0) == nil }
        guard missing.isEmpty else {
            let found = fields.map { $0.trimmedWhitespace() }.filter { !$0.isEmpty }
            let foundText =
                found.isEmpty
                ? "the first row is empty" : "the first row has " + found.prefix(12).joined(separator: ", ")
            throw ImportError(
                file: fileName, row: 1, column: missing.map(\.rawValue).joined(separator: ", "),
                message: "required column missing from the header row; expected \(expected) (\(foundText))")
        }
        return header
    }

    /// NUL bytes or many control characters near the start mean this is not a text file at all.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(4096)
        var controls = 0
        for byte in sample {
            if byte == 0 { return true }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { controls += 1 }
        }
        return controls * 20 > sample.count
    }
}
