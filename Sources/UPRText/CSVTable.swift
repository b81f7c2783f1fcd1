import Foundation

/// A comma-separated file read whole: a header row and data rows of string fields.
///
/// Quoted fields may hold commas, doubled quotes and line breaks; rows end at LF, CR or CRLF, since the data
/// files mix all three.
public struct CSVTable: Sendable {
    /// Column names from the first row.
    public let header: [String]
    /// Data rows; a row may have fewer fields than the header.
    public let rows: [[String]]

    /// Parses already decoded text.
    public init(text: String) {
        var records = CSVTable.parse(text)
        header = records.isEmpty ? [] : records.removeFirst()
        rows = records.filter { !($0.count == 1 && $0[0].isEmpty) }
    }

    /// Reads and decodes a file (UTF-8, else Mac Roman or Latin-1, see `LegacyTextDecoder`).
    public init(contentsOf url: URL) throws {
        let data = try Data(contentsOf: url)
        self.init(text: LegacyTextDecoder.decode([UInt8](data)))
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

    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func endRecord() {
            fields.append(String(field))
            field.removeAll(keepingCapacity: true)
            records.append(fields)
            fields = []
        }
        while let scalar = pending ?? scalars.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        inQuotes = false
                        pending = next
                    }
                } else {
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty:
                inQuotes = true
            case ",":
                fields.append(String(field))
                field.removeAll(keepingCapacity: true)
            case "\r":
                endRecord()
                let next = scalars.next()
                if next != "\n" { pending = next }
            case "\n":
                endRecord()
            default:
                field.append(scalar)
            }
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
