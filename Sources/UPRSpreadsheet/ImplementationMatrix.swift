import Foundation

/// The implementation-plan matrix of annex 8.1 of the seed report, written and read as XLSX and CSV.
///
/// Both writers prepare cell text the same way: line breaks become LF; characters that XML 1.0 forbids (U+0000–
/// U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF) are removed; and text longer than Excel's limit of
/// 32,767 characters per cell (counted in UTF-16 units, as Excel does) is cut to 32,766 and ends with "…". Text
/// that needs none of this reads back unchanged.
public enum ImplementationMatrix {
    /// The annex 8.1 headings, one per column, in order, as the CSV's single header row prints them.
    ///
    /// The XLSX prints the same header on two rows: the two mechanism columns share the heading
    /// ``mechanismsHeading`` (merged across them) over the sub-headings "National" and "International"; each other
    /// heading is merged down over both rows.
    public static let columnTitles: [String] = MatrixColumn.allCases.map(\.flatHeading)

    /// The heading the XLSX merges over the "National" and "International" columns.
    public static let mechanismsHeading = MatrixColumn.mechanismsGroupHeading

    /// The matrix as an XLSX workbook with one worksheet named `sheetName`.
    ///
    /// The title (if any) is in A1, the header on the next two rows, the pane frozen below it and an autofilter on
    /// it. Cells are inline strings, so nothing is taken for a number, a date or a formula. The same document always
    /// gives the same bytes (no timestamps; zip entries dated 1980-01-01). A sheet name Excel would refuse (empty,
    /// over 31 characters, holding `[]:*?/\`) is repaired.
    public static func xlsx(_ document: MatrixDocument, sheetName: String = "Implementation plan") -> Data {
        XLSXWriter.workbook(document, sheetName: sheetName)
    }

    /// The matrix as CSV: UTF-8 with a byte order mark (so that Excel opens Mongolian Cyrillic right), CRLF between
    /// records, fields quoted per RFC 4180 when they hold a comma, a quote, a line break or surrounding spaces.
    ///
    /// The title, if any, is the first record (padded to ten fields), the header the next. Text Excel would take for
    /// a formula (starting with "=", "+", "-" or "@" and not a plain number) is written with a leading apostrophe,
    /// which ``read(_:fileName:)`` removes.
    public static func csv(_ document: MatrixDocument) -> String {
        CSVFormat.write(document)
    }

    /// Reads a filled matrix back, XLSX or CSV detected from the content (zip signature or text).
    ///
    /// Tolerated: a title row above the header or none; the XLSX's two-row header or the CSV's one-row header
    /// (the mechanism columns headed "National"/"International" alone or after the group heading); other rows
    /// above the header; empty rows and columns anywhere; headings in other capitalisation or spacing; line breaks
    /// in cells (returned as LF); rich text, shared and inline strings; numbers (returned as displayed: see
    /// `NumberDisplay` — Excel does not keep the digits of a number as typed, so "108.10" typed into a General cell
    /// comes back as "108.1"; the Rec # column of the XLSX this module writes is formatted as text to avoid that);
    /// dates (returned as ISO 8601); CSV with or without a byte order mark, in UTF-8 or UTF-16, delimited by commas,
    /// semicolons or tabs, with CRLF, LF or CR line ends. On a workbook with several sheets, the first sheet with the
    /// matrix header is read.
    ///
    /// Cell text is returned as it is, but the Rec # is trimmed and rows with no text at all are skipped. The title
    /// is the first text above the header.
    ///
    /// - Throws: ``MatrixReadError`` naming the file (as `fileName`), and where it can the row and column: when the
    ///   content is neither a zip nor UTF-8/UTF-16 text, the zip is damaged or truncated, the workbook has no sheet,
    ///   no row carries all ten annex headings (the message lists the missing ones), or a row has text but no Rec #.
    public static func read(_ data: Data, fileName: String) throws(MatrixReadError) -> MatrixDocument {
        do throws(ReadProblem) {
            if data.starts(with: [0x50, 0x4B]) {
                return try XLSXReader.firstMatch(in: data) { grid throws(ReadProblem) in
                    try MatrixTable.document(from: grid)
                }
            }
            if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
                throw ReadProblem(
                    "this is an Excel 97-2003 (.xls) workbook or a password-protected one; save it without a password "
                        + "as “Excel Workbook (.xlsx)” and try again")
            }
            if data.isEmpty { throw ReadProblem("the file is empty") }
            return try readCSV(Array(data))
        } catch {
            throw error.error(file: fileName)
        }
    }

    private static func readCSV(_ data: [UInt8]) throws(ReadProblem) -> MatrixDocument {
        let text = try CSVFormat.utf8Bytes(data)
        var firstProblem: ReadProblem?
        // Comma first; Excel in many European locales saves with semicolons, "Unicode text" with tabs.
        for delimiter in [",", ";", "\t"].map({ UInt8(ascii: Unicode.Scalar($0)!) }) {
            do {
                return try MatrixTable.document(from: CSVFormat.parse(text, delimiter: delimiter))
            } catch {
                // A file whose header is found but whose rows are wrong answers with that error, not the next try's.
                if firstProblem == nil || error.row != nil && firstProblem?.row == nil { firstProblem = error }
            }
        }
        throw firstProblem ?? ReadProblem("the file is empty")
    }
}
