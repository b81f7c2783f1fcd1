import Foundation

/// A table of text for a spreadsheet other than the annex matrix (indicators with their measurements, an
/// assessment round): a title, headed columns, some grouped under a heading that spans them, and rows of cells.
///
/// Written as XLSX or CSV with the matrix's rules: cell text prepared by `CellText.sanitize`; in XLSX every cell an
/// inline string (a number only in a `numeric` column and only when the text is a plain number), so text such as
/// `=HYPERLINK(…)` is never a formula; in CSV, such text gets the leading apostrophe Excel shows as text.
public struct SheetTable: Sendable, Equatable {
    /// One column: its heading, the heading of its group (consecutive columns with the same group share it) and the
    /// width range the XLSX fits it into, in characters.
    public struct Column: Sendable, Equatable {
        public var heading: String
        public var group: String?
        public var width: ClosedRange<Int>
        /// Whether a cell holding a plain number is written as a number (so that a sum or chart works on it).
        public var numeric: Bool

        /// A column; 10 to 40 characters wide unless given.
        public init(_ heading: String, group: String? = nil, width: ClosedRange<Int> = 10...40, numeric: Bool = false) {
            self.heading = heading
            self.group = group
            self.width = width
            self.numeric = numeric
        }

        /// The heading on the CSV's single header row: the group's heading, a dash and the column's.
        public var flatHeading: String {
            group.map { "\($0) – \(heading)" } ?? heading
        }
    }

    /// The line above the header; nil (or empty) writes none.
    public var title: String?
    public var columns: [Column]
    /// The cells of each row, in column order; a short row is padded with empty cells.
    public var rows: [[String]]

    /// A table of these columns and rows.
    public init(title: String? = nil, columns: [Column], rows: [[String]]) {
        self.title = title
        self.columns = columns
        self.rows = rows
    }

    /// Whether some column has a group heading: the XLSX then has a second header row.
    var isGrouped: Bool { columns.contains { $0.group != nil } }

    /// The rows, each with exactly one sanitized cell per column.
    var cells: [[String]] {
        rows.map { row in
            columns.indices.map { $0 < row.count ? CellText.sanitize(row[$0]) : "" }
        }
    }

    /// The table as an XLSX workbook with one worksheet named `sheetName` (repaired as Excel requires): the title
    /// in A1, the header frozen below it with an autofilter, the header repeated on every printed page. The same
    /// table always gives the same bytes.
    public func xlsx(sheetName: String) -> Data {
        SheetTableWriter.workbook(self, sheetName: sheetName)
    }

    /// The table as CSV, as the matrix's: UTF-8 with a byte order mark, CRLF between records, RFC 4180 quoting,
    /// the title (if any) as the first record, then one header row.
    public func csv() -> String {
        CSVFormat.write(self)
    }
}
