/// The non-empty cells of one worksheet (or CSV file), row by row.
public struct SheetGrid: Sendable {
    /// Rows in ascending order of `number`; rows without any text are left out.
    public var rows: [SheetRow]
    /// The workbook counts date serials from 1904 (a setting of old Mac Excel files, kept by every copy since), so a
    /// reader that gets serials as plain numbers must shift them by 1,462 days. Always false for CSV.
    public var date1904: Bool

    /// A grid of these rows.
    public init(rows: [SheetRow], date1904: Bool = false) {
        self.rows = rows
        self.date1904 = date1904
    }
}

/// One row of a `SheetGrid`.
public struct SheetRow: Sendable {
    /// The row's number as a spreadsheet shows it (1-based).
    public var number: Int
    /// Cell text by 0-based column index; empty cells are absent.
    public var cells: [Int: String]

    /// A row with these cells.
    public init(number: Int, cells: [Int: String]) {
        self.number = number
        self.cells = cells
    }
}

/// A reading failure before the file's name is attached (see `MatrixReadError`).
public struct ReadProblem: Error, Sendable {
    /// What is wrong, for a person to read.
    public var message: String
    /// The 1-based row, when the fault is in one.
    public var row: Int?
    /// The column, as its heading or letter, when the fault is in one.
    public var column: String?

    /// Creates a problem.
    public init(_ message: String, row: Int? = nil, column: String? = nil) {
        self.message = message
        self.row = row
        self.column = column
    }

    func error(file: String) -> MatrixReadError {
        MatrixReadError(file: file, row: row, column: column, message: message)
    }
}
