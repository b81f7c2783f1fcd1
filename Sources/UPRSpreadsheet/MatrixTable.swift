import Foundation

/// Finds the annex 8.1 matrix in a grid of cells and reads its rows.
enum MatrixTable {
    /// How far down a header may sit (below a title, a logo's caption, notes).
    private static let headerSearchDepth = 30

    private struct Header {
        var rowIndex: Int
        var columns: [MatrixColumn: Int] = [:]
        /// The first heading seen twice, with its two columns.
        var duplicate: (MatrixColumn, Int, Int)?
        /// Whether the sub-headings sit on the row below (the XLSX's two-row header).
        var twoRows = false
    }

    static func document(from grid: SheetGrid) throws(ReadProblem) -> MatrixDocument {
        let header = try findHeader(grid)
        let title = grid.rows[..<header.rowIndex].lazy.compactMap(firstText).first
        let dataStart = header.rowIndex + (header.twoRows ? 2 : 1)
        var rows: [MatrixRow] = []
        rows.reserveCapacity(max(grid.rows.count - dataStart, 0))
        for sheetRow in grid.rows.dropFirst(dataStart) {
            var row = MatrixRow()
            var filled = false
            for (column, index) in header.columns {
                guard let text = sheetRow.cells[index] else { continue }
                let value = normalizeLineBreaks(column == .recNumber ? trimmed(text) : text)
                row[keyPath: column.keyPath] = value
                if !isBlank(value) { filled = true }
            }
            guard filled else { continue }
            if row.recNumber.isEmpty {
                throw ReadProblem(
                    "this row has no Rec # but other cells are filled; give the recommendation's paragraph number "
                        + "(such as 108.42) or its record number (such as #123)",
                    row: sheetRow.number, column: MatrixColumn.recNumber.heading)
            }
            rows.append(row)
        }
        return MatrixDocument(title: title, rows: rows)
    }

    private static func findHeader(_ grid: SheetGrid) throws(ReadProblem) -> Header {
        var best: Header?
        for index in grid.rows.indices.prefix(headerSearchDepth) {
            let candidate = header(at: index, in: grid)
            if candidate.columns.count > (best?.columns.count ?? 0) { best = candidate }
            if candidate.columns.count == MatrixColumn.allCases.count { break }
        }
        guard let best else {
            let expected = MatrixColumn.allCases.map { "“\($0.flatHeading)”" }.joined(separator: ", ")
            throw ReadProblem(
                "this is not an implementation plan matrix: no row has the annex 8.1 column headings "
                    + "(expected \(expected))")
        }
        let rowNumber = grid.rows[best.rowIndex].number
        if let (column, first, second) = best.duplicate {
            throw ReadProblem(
                "the heading “\(column.flatHeading)” appears twice, in columns \(XLSXWriter.columnLetters(first)) "
                    + "and \(XLSXWriter.columnLetters(second)); keep one",
                row: rowNumber)
        }
        let missing = MatrixColumn.allCases.filter { best.columns[$0] == nil }
        guard missing.isEmpty else {
            let names = missing.map { "“\($0.flatHeading)”" }.joined(separator: ", ")
            let found = best.columns.count
            throw ReadProblem(
                "this is not a complete implementation plan matrix: the header row has \(found) of the "
                    + "\(MatrixColumn.allCases.count) annex 8.1 columns; missing column heading"
                    + (missing.count == 1 ? " " : "s ") + names,
                row: rowNumber)
        }
        return best
    }

    private static func header(at index: Int, in grid: SheetGrid) -> Header {
        var header = Header(rowIndex: index)
        var groupColumn: Int?
        func record(_ column: MatrixColumn, at cell: Int) {
            if let existing = header.columns[column] {
                if existing != cell && header.duplicate == nil {
                    header.duplicate = (column, min(existing, cell), max(existing, cell))
                }
            } else {
                header.columns[column] = cell
            }
        }
        let row = grid.rows[index]
        for (cell, text) in row.cells.sorted(by: { $0.key < $1.key }) {
            if let column = MatrixColumn.matching(text) {
                record(column, at: cell)
            } else if MatrixColumn.isGroupHeading(MatrixColumn.normalize(text)) {
                groupColumn = groupColumn ?? cell
            }
        }
        // The XLSX header: the group heading above, "National" and "International" on the next row.
        if groupColumn != nil, index + 1 < grid.rows.count, grid.rows[index + 1].number == row.number + 1 {
            for (cell, text) in grid.rows[index + 1].cells.sorted(by: { $0.key < $1.key }) {
                guard let column = MatrixColumn.matching(text), column.isMechanism else { continue }
                record(column, at: cell)
                header.twoRows = true
            }
        }
        return header
    }

    private static func firstText(_ row: SheetRow) -> String? {
        row.cells.sorted { $0.key < $1.key }.lazy.map(\.value).first { !isBlank($0) }.map(trimmed)
    }

    private static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }

    private static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }

    private static func normalizeLineBreaks(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
