import Foundation
import UPRFileFormats

/// The matrix (and other tables) as comma-separated values: RFC 4180 quoting, CRLF between records, UTF-8 with a byte order mark.
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

    /// A `SheetTable` the same way: the title padded to the width of the table, the header on one row.
    static func write(_ table: SheetTable) -> String {
        let rows = table.cells
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        out.reserveCapacity(rows.count * 300 + 1024)
        if let title = table.title.map(CellText.sanitize), !title.isEmpty {
            appendRecord([title] + Array(repeating: "", count: max(table.columns.count - 1, 0)), to: &out)
        }
        appendRecord(table.columns.map { CellText.sanitize($0.flatHeading) }, to: &out)
        for row in rows { appendRecord(row, to: &out) }
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
    /// (Excel's "Unicode text"). A plan is never in a legacy code page, so what `LegacyTextDecoding` would read as
    /// Mac Roman or Windows-1252 is refused instead of guessed.
    static func utf8Bytes(_ data: [UInt8]) throws(ReadProblem) -> [UInt8] {
        let text: [UInt8]? = data.withUnsafeBytes { raw in
            let encoding = LegacyTextDecoding.detect(raw)
            guard encoding == .utf8 || encoding == .utf16 else { return nil }
            return LegacyTextDecoding.utf8Bytes(of: raw, in: encoding)
        }
        guard let text, !text.contains(0) else { throw ReadProblem(notText) }
        return text
    }

    private static let notText =
        "this is neither an XLSX workbook nor CSV text in UTF-8 (in Excel, save as “CSV UTF-8 (Comma delimited)” "
        + "or as “Excel Workbook (.xlsx)”)"

    /// Splits CSV text into rows of cells, numbered from 1 as a spreadsheet shows them. A quoted field's line
    /// breaks (CRLF, LF or CR) come back as LF, as a cell holds them.
    static func parse(_ bytes: [UInt8], delimiter: UInt8) throws(ReadProblem) -> SheetGrid {
        var reader = CSVReader(bytes: bytes, delimiter: delimiter)
        var rows: [SheetRow] = []
        do {
            while let record = try reader.nextRecord() {
                var cells: [Int: String] = [:]
                for (column, field) in record.enumerated() where !field.isEmpty {
                    cells[column] = unguard(field.utf8.contains(0x0D) ? lineFeeds(field) : field)
                }
                if !cells.isEmpty { rows.append(SheetRow(number: reader.recordNumber, cells: cells)) }
            }
        } catch {
            throw ReadProblem(
                "a quoted cell that starts here is never closed (a missing \"), so the file may be truncated",
                row: error.record)
        }
        return SheetGrid(rows: rows)
    }

    /// The field with CRLF and CR made LF.
    private static func lineFeeds(_ field: String) -> String {
        field.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
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
