import Foundation
import UPRFileFormats

/// A comma-separated file read whole: a header row and data rows of string fields.
///
/// The records are `CSVReader`'s: quoted fields may hold commas, doubled quotes and line breaks; rows end at LF, CR
/// or CRLF, since the data files mix all three.
public struct CSVTable: Sendable {
    /// Column names from the first row.
    public let header: [String]
    /// Data rows; a row may have fewer fields than the header.
    public let rows: [[String]]

    /// Parses already decoded text; a quoted field that never closes (a truncated file) is an error.
    public init(text: String) throws(CSVError) {
        try self.init(utf8: Array(text.utf8))
    }

    /// Reads and decodes a file (UTF-8, else Mac Roman or Windows-1252, see `LegacyTextDecoding`).
    public init(contentsOf url: URL) throws {
        let data = try Data(contentsOf: url)
        try self.init(utf8: LegacyTextDecoding.utf8Bytes(of: data).bytes)
    }

    private init(utf8 bytes: [UInt8]) throws(CSVError) {
        var reader = CSVReader(bytes: bytes)
        var records = try reader.readAll()
        header = records.isEmpty ? [] : records.removeFirst()
        rows = records.filter { !$0.isEmpty && !($0.count == 1 && $0[0].isEmpty) }
    }

    /// The index of a column by name (case-insensitive), or nil.
    public func column(_ name: String) -> Int? {
        header.firstIndex { $0.trimmingCharacters(in: .whitespaces).lowercased() == name.lowercased() }
    }

    /// The field of `row` in column `index`, or "" when the row is short.
    public static func field(_ row: [String], _ index: Int?) -> String {
        guard let index, index < row.count else { return "" }
        return row[index]
    }
}
