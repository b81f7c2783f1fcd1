/// The non-empty cells of one worksheet (or CSV file), row by row.
struct SheetGrid {
    /// Rows in ascending order of `number`; rows without any text are left out.
    var rows: [SheetRow]
}

struct SheetRow {
    /// The row's number as a spreadsheet shows it (1-based).
    var number: Int
    /// Cell text by 0-based column index; empty cells are absent.
    var cells: [Int: String]
}

/// A reading failure before the file's name is attached (see `MatrixReadError`).
struct ReadProblem: Error {
    var message: String
    var row: Int?
    var column: String?

    init(_ message: String, row: Int? = nil, column: String? = nil) {
        self.message = message
        self.row = row
        self.column = column
    }

    func error(file: String) -> MatrixReadError {
        MatrixReadError(file: file, row: row, column: column, message: message)
    }
}
