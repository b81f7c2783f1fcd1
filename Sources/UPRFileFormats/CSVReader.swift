/// Reads RFC 4180 CSV from UTF-8 bytes, one record at a time.
///
/// Records end at CR, LF or CRLF, mixed freely (the UPR Info exports use bare CR). A field in double quotes may hold
/// delimiters, line breaks and doubled quotes. Like Python's `csv` module, it is lenient where the RFC is silent:
/// a quote inside an unquoted field is kept as a character, and text after a closing quote is kept too. The one
/// hard error is a quoted field that never closes, which is what a truncated file looks like.
///
/// It works on bytes, not `Character`s, and makes a `String` only per field: the 7 MB UPR Info export has
/// 330,000 fields.
public struct CSVReader {
    private let bytes: [UInt8]
    private var position = 0
    private let delimiter: UInt8
    private var expectedFieldCount = 16
    /// Fields (by index) read for syntax only and returned empty: making strings nobody reads costs time.
    private var ignored: [Bool] = []

    /// 1-based number of the record last returned (blank lines count as records).
    public private(set) var recordNumber = 0
    /// 1-based physical line on which the record last returned started.
    public private(set) var recordLine = 0
    private var nextLine = 1

    private static let quote = UInt8(ascii: "\"")
    private static let carriageReturn: UInt8 = 0x0D
    private static let lineFeed: UInt8 = 0x0A

    /// A reader over UTF-8 bytes (use `LegacyTextDecoding` first for other encodings).
    public init(bytes: [UInt8], delimiter: UInt8 = UInt8(ascii: ",")) {
        self.bytes = bytes
        self.delimiter = delimiter
        // A UTF-8 byte order mark (Excel's "CSV UTF-8") is not part of the first field's name.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    /// Reads the fields at these indexes for their syntax only and returns them as empty strings.
    public mutating func ignoreFields(_ indexes: some Sequence<Int>) {
        for index in indexes where index >= 0 {
            if index >= ignored.count { ignored += Array(repeating: false, count: index + 1 - ignored.count) }
            ignored[index] = true
        }
    }

    /// The next record's fields; an empty array for a blank line; nil at the end of the input.
    public mutating func nextRecord() throws(CSVError) -> [String]? {
        let count = bytes.count
        guard position < count else { return nil }
        recordNumber += 1
        recordLine = nextLine
        var fields: [String] = []
        fields.reserveCapacity(expectedFieldCount)
        var index = position
        var firstFieldQuoted = false
        while true {
            if index < count && bytes[index] == Self.quote {
                if fields.isEmpty { firstFieldQuoted = true }
                fields.append(
                    try readQuotedField(from: &index, fieldIndex: fields.count, keep: !isIgnored(fields.count)))
            } else {
                let start = index
                while index < count {
                    let byte = bytes[index]
                    if byte == delimiter || byte == Self.carriageReturn || byte == Self.lineFeed { break }
                    index += 1
                }
                fields.append(isIgnored(fields.count) ? "" : String(decoding: bytes[start..<index], as: UTF8.self))
            }
            guard index < count else { break }
            let byte = bytes[index]
            index += 1
            if byte == delimiter { continue }
            if byte == Self.carriageReturn && index < count && bytes[index] == Self.lineFeed { index += 1 }
            nextLine += 1
            break
        }
        position = index
        expectedFieldCount = max(expectedFieldCount, fields.count)
        // A blank line has one empty, unquoted field; `""` on its own line is a real empty field.
        if fields.count == 1 && fields[0].isEmpty && !firstFieldQuoted { return [] }
        return fields
    }

    /// All remaining records.
    public mutating func readAll() throws(CSVError) -> [[String]] {
        var records: [[String]] = []
        while let record = try nextRecord() { records.append(record) }
        return records
    }

    private func isIgnored(_ field: Int) -> Bool { field < ignored.count && ignored[field] }

    /// Reads a quoted field starting at the opening quote; leaves `index` after the field's last byte.
    private mutating func readQuotedField(from index: inout Int, fieldIndex: Int, keep: Bool) throws(CSVError)
        -> String
    {
        let count = bytes.count
        let startLine = nextLine
        index += 1
        var segmentStart = index
        var unescaped: [UInt8] = []
        var hasEscapes = false
        while true {
            guard index < count else {
                throw CSVError(
                    record: recordNumber, line: startLine, field: fieldIndex,
                    message: "quoted field is not closed before the end of the file (the file may be truncated)")
            }
            let byte = bytes[index]
            if byte == Self.quote {
                if index + 1 < count && bytes[index + 1] == Self.quote {
                    // A doubled quote is one quote character: keep the first, skip the second.
                    if keep { unescaped.append(contentsOf: bytes[segmentStart...index]) }
                    hasEscapes = true
                    index += 2
                    segmentStart = index
                    continue
                }
                break
            }
            if byte == Self.carriageReturn {
                if index + 1 < count && bytes[index + 1] == Self.lineFeed { index += 1 }
                nextLine += 1
            } else if byte == Self.lineFeed {
                nextLine += 1
            }
            index += 1
        }
        let closing = index
        index += 1
        // Text between the closing quote and the next delimiter is kept, as spreadsheets do.
        let tailStart = index
        while index < count {
            let byte = bytes[index]
            if byte == delimiter || byte == Self.carriageReturn || byte == Self.lineFeed { break }
            index += 1
        }
        if !keep { return "" }
        if !hasEscapes && tailStart == index {
            return String(decoding: bytes[segmentStart..<closing], as: UTF8.self)
        }
        unescaped.append(contentsOf: bytes[segmentStart..<closing])
        unescaped.append(contentsOf: bytes[tailStart..<index])
        return String(decoding: unescaped, as: UTF8.self)
    }
}
