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

enum UTF8Check {
    /// Whether the bytes are well-formed UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF).
    static func isValid(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                upper = 0x9F
            case 0xF0:
                length = 4
                lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                upper = 0x8F
            default: return false
            }
            guard end - index >= length else { return false }
            let second = bytes[index + 1]
            guard second >= lower && second <= upper else { return false }
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }
}
