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
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// Parses UTF-8 bytes; quotes, commas and line ends are ASCII, so fields are cut as byte ranges and
    /// decoded once.
    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> [[String]] {
        let quote = UInt8(ascii: "\"")
        let comma = UInt8(ascii: ",")
        let cr = UInt8(ascii: "\r")
        let lf = UInt8(ascii: "\n")
        var records: [[String]] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var index = 0
        let count = bytes.count
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() {
            endField()
            records.append(fields)
            fields = []
        }
        while index < count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case quote where field.isEmpty:
                // Quoted field: runs to the next quote not doubled.
                while index < count {
                    let inner = bytes[index]
                    index += 1
                    if inner == quote {
                        if index < count && bytes[index] == quote {
                            field.append(quote)
                            index += 1
                        } else {
                            break
                        }
                    } else {
                        field.append(inner)
                    }
                }
            case comma:
                endField()
            case cr:
                endRecord()
                if index < count && bytes[index] == lf { index += 1 }
            case lf:
                endRecord()
            default:
                field.append(byte)
            }
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
