import Foundation
import UPRDomain
import UPRSpreadsheet

/// Reads the XLSX that UHRI's "Export" gives: one sheet, one header row, one row per annotation.
///
/// Columns are found by their headings, never by position (OHCHR has reordered them before), and a heading that is
/// not a UHRI column is named in the warnings. The sheet is read through the project's workbook reader, so a
/// damaged, truncated or oversized file is refused as the matrix import refuses it.
public enum UHRIWorkbookParser {
    /// Parses an export; rows without text in any UHRI column are skipped.
    public static func parse(data: Data, fileName: String) throws(ImportError) -> ParsedFile {
        guard !data.isEmpty else { throw ImportError(file: fileName, message: "the file is empty") }
        let grid: SheetGrid
        do throws(ReadProblem) {
            // UHRI's workbook has one sheet; a copy someone added sheets to is read from its first.
            grid = try WorkbookReader.firstSheet(in: data) { grid throws(ReadProblem) in grid }
        } catch {
            throw ImportError(file: fileName, row: error.row, column: error.column, message: error.message)
        }
        guard let first = grid.rows.first else {
            throw ImportError(
                file: fileName,
                message:
                    "the sheet is empty; a UHRI export has a header row naming its columns (\(expectedHeadings)) and "
                    + "one row per record")
        }
        let header = UHRIWorkbookHeader(first)
        let missing = header.missing
        guard missing.isEmpty else {
            let found = first.cells.sorted { $0.key < $1.key }.map { $0.value.trimmedWhitespace() }
                .filter { !$0.isEmpty }
            throw ImportError(
                file: fileName, row: first.number,
                column: missing.compactMap(\.workbookHeadings.first).joined(separator: ", "),
                message:
                    "required column missing from the header row; expected \(expectedHeadings) (the first row has "
                    + found.prefix(16).joined(separator: ", ") + ")")
        }
        var mapper = UHRIRecordMapper(fileName: fileName, format: .workbook, fieldNames: header.names)
        mapper.date1904 = grid.date1904
        var records: [RecommendationRecord] = []
        var rowCount = 0
        records.reserveCapacity(grid.rows.count - 1)
        for row in grid.rows.dropFirst() {
            let entry = header.entry(row)
            // A note in a column of its own beside the table is not a record.
            guard !entry.isEmpty else { continue }
            rowCount += 1
            if let record = try mapper.record(entry, at: row.number) { records.append(record) }
        }
        return ParsedFile(
            fileName: fileName, format: .uhriXLSX, rowCount: rowCount, records: records,
            warnings: header.warnings + mapper.warnings)
    }

    /// The sixteen headings of OHCHR's export, in its order.
    static let expectedHeadings = UHRIField.allCases.compactMap(\.workbookHeadings.first).joined(separator: ", ")
}
