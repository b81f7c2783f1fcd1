import UPRSpreadsheet

/// Where each UHRI field sits in a workbook, found by the header row's headings so that any column order reads.
struct UHRIWorkbookHeader {
    /// The header's row number in the sheet.
    let row: Int
    /// The field of each column the header names.
    private(set) var fieldByColumn: [Int: UHRIField] = [:]
    /// The heading the file gives each field it has (`Reccomending Body` or `Recommending Body`).
    private(set) var names: [UHRIField: String] = [:]
    /// Columns whose heading names no UHRI field, and columns that repeat a field, for the warnings.
    private(set) var ignored: [(column: Int, heading: String, repeated: Bool)] = []

    init(_ header: SheetRow) {
        row = header.number
        for (column, heading) in header.cells.sorted(by: { $0.key < $1.key }) {
            let text = heading.trimmedWhitespace()
            guard !text.isEmpty else { continue }
            if let field = UHRIField.matching(heading: text) {
                // The first of two columns with the same field wins, as a person reading left to right would take it.
                if names[field] == nil {
                    names[field] = text
                    fieldByColumn[column] = field
                } else {
                    ignored.append((column, text, true))
                }
            } else {
                ignored.append((column, text, false))
            }
        }
    }

    /// The UHRI fields the header names.
    var knownFieldCount: Int { names.count }

    /// The required fields the header does not name.
    var missing: [UHRIField] { UHRIField.required.filter { names[$0] == nil } }

    /// One warning per column that is not read, naming it by heading and letter.
    var warnings: [String] {
        ignored.map { column in
            let place = "column \(Self.letters(column.column)) (“\(column.heading)”)"
            return column.repeated
                ? "\(place) repeats a column already read and was ignored"
                : "\(place) is not a UHRI column and was ignored"
        }
    }

    /// The fields of a data row; a list field's cell holds one value per line.
    func entry(_ row: SheetRow) -> UHRIRecordMapper.Entry {
        var entry: UHRIRecordMapper.Entry = [:]
        for (column, cell) in row.cells {
            guard let field = fieldByColumn[column] else { continue }
            let values = field.isList ? UHRIValue.list(cell) : [UHRIValue.clean(cell)].filter { !$0.isEmpty }
            if !values.isEmpty { entry[field] = values }
        }
        return entry
    }

    /// `A`, `Z`, `AA`: the column as Excel labels it.
    static func letters(_ index: Int) -> String {
        var number = index + 1
        var out = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            out = String(Character(Unicode.Scalar(UInt8(65 + remainder)))) + out
            number = (number - 1) / 26
        }
        return out
    }
}
