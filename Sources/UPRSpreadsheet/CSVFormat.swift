/// The matrix as comma-separated values: RFC 4180 quoting, CRLF between records, UTF-8 with a byte order mark.
enum CSVFormat {
    private static let formulaStarts: Set<UInt8> = [
        UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"),
    ]

    static func write(_ document: MatrixDocument) -> String {
        let columns = MatrixColumn.allCases
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        out.reserveCapacity(document.rows.count * 600 + 1024)
        if let title = document.title.map(CellText.sanitize), !title.isEmpty {
            appendRecord([title] + Array(repeating: "", count: columns.count - 1), to: &out)
        }
        appendRecord(columns.map(\.flatHeading), to: &out)
        for row in document.rows {
            appendRecord(columns.map { CellText.sanitize(row[keyPath: $0.keyPath]) }, to: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendRecord(_ fields: [String], to out: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            append(field, to: &out)
        }
        out.append(contentsOf: [0x0D, 0x0A])
    }

    /// Appends a field, quoted when it must be. A field that Excel would take for a formula ("=…", "+…", "-…",
    /// "@…", other than a plain number) gets a leading apostrophe, which `parse` removes again: opened in Excel, the
    /// cell shows the apostrophe instead of running or breaking on the text.
    private static func append(_ field: String, to out: inout [UInt8]) {
        let utf8 = field.utf8
        guard let first = utf8.first, let last = utf8.last else { return }
        let guarded = formulaStarts.contains(first) && Double(field) == nil
        let needsQuotes =
            isSpace(first) || isSpace(last)
            || utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        if needsQuotes { out.append(UInt8(ascii: "\"")) }
        if guarded { out.append(UInt8(ascii: "'")) }
        if needsQuotes {
            for byte in utf8 {
                if byte == UInt8(ascii: "\"") { out.append(byte) }
                out.append(byte)
            }
            out.append(UInt8(ascii: "\""))
        } else {
            out.append(contentsOf: utf8)
        }
    }

    /// Leading and trailing white space is quoted so that no program trims it.
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09
    }

    // MARK: - Reading

    /// The text of a CSV file as UTF-8 bytes: a UTF-8 file with or without a byte order mark, or UTF-16 with one
    /// (Excel's "Unicode text").
    static func utf8Bytes(_ data: [UInt8]) throws(ReadProblem) -> ArraySlice<UInt8> {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            let text = data[3...]
            guard UTF8Check.isValid(text), !text.contains(0) else { throw ReadProblem(notText) }
            return text
        }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            let littleEndian = data[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(data.count / 2)
            var index = 2
            while index + 1 < data.count {
                let pair = (UInt16(data[index]), UInt16(data[index + 1]))
                units.append(littleEndian ? pair.0 | pair.1 << 8 : pair.0 << 8 | pair.1)
                index += 2
            }
            var text: [UInt8] = []
            text.reserveCapacity(units.count)
            let failed = transcode(
                units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: true, into: { text.append($0) })
            guard !failed, !text.contains(0) else { throw ReadProblem(notText) }
            return text[...]
        }
        guard UTF8Check.isValid(data[...]), !data.contains(0) else { throw ReadProblem(notText) }
        return data[...]
    }

    private static let notText =
        "this is neither an XLSX workbook nor CSV text in UTF-8 (in Excel, save as “CSV UTF-8 (Comma delimited)” "
        + "or as “Excel Workbook (.xlsx)”)"

    /// Splits CSV text into rows of cells, numbered from 1 as a spreadsheet shows them. Records end at CRLF, LF or
    /// CR; a quoted field may hold delimiters, quotes (doubled) and line breaks, which come back as LF.
    static func parse(_ bytes: ArraySlice<UInt8>, delimiter: UInt8) throws(ReadProblem) -> SheetGrid {
        let quote = UInt8(ascii: "\"")
        let cr: UInt8 = 0x0D
        let lf: UInt8 = 0x0A
        var rows: [SheetRow] = []
        var cells: [Int: String] = [:]
        var column = 0
        var recordNumber = 1
        var field: [UInt8] = []
        var quoted = false
        var inQuotes = false
        var quoteOpenedIn = 1

        func endField() {
            if !field.isEmpty { cells[column] = unguard(String(decoding: field, as: UTF8.self)) }
            field.removeAll(keepingCapacity: true)
            quoted = false
            column += 1
        }
        func endRecord() {
            if !cells.isEmpty { rows.append(SheetRow(number: recordNumber, cells: cells)) }
            cells = [:]
            column = 0
            recordNumber += 1
        }

        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == quote {
                    if index < bytes.endIndex && bytes[index] == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else if byte == cr {
                    field.append(lf)
                    if index < bytes.endIndex && bytes[index] == lf { index += 1 }
                } else {
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case quote where field.isEmpty && !quoted:
                inQuotes = true
                quoted = true
                quoteOpenedIn = recordNumber
            case delimiter:
                endField()
            case cr, lf:
                endField()
                endRecord()
                if byte == cr && index < bytes.endIndex && bytes[index] == lf { index += 1 }
            default:
                field.append(byte)
            }
        }
        if inQuotes {
            throw ReadProblem(
                "a quoted cell that starts here is never closed (a missing \"), so the file may be truncated",
                row: quoteOpenedIn)
        }
        if !field.isEmpty || quoted || !cells.isEmpty {
            endField()
            endRecord()
        }
        return SheetGrid(rows: rows)
    }

    /// Removes the apostrophe `encode` put before formula-like text.
    private static func unguard(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.first == UInt8(ascii: "'"), let second = utf8.dropFirst().first, formulaStarts.contains(second)
        else {
            return text
        }
        return String(text.dropFirst())
    }
}
