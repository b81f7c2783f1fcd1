import Foundation

/// Writes a `SheetTable` as a workbook of one worksheet, laid out as the matrix's (`XLSXWriter`, whose parts,
/// styles and cell writing it shares): an optional bold title in A1, the header (on two rows when columns are
/// grouped: the group's heading merged across its columns over their headings, every other heading merged down),
/// the pane frozen below the header, an autofilter on its last row, the header repeated on printed pages.
enum SheetTableWriter {
    typealias Style = XLSXWriter.Style

    static func workbook(_ table: SheetTable, sheetName: String) -> Data {
        let name = XLSXWriter.validSheetName(sheetName, fallback: "Sheet1")
        let title = table.title.map(CellText.sanitize).flatMap { $0.isEmpty ? nil : $0 }
        let first = title == nil ? 1 : 2
        let second = table.isGrouped ? first + 1 : first
        let rows = table.cells
        let lastColumn = XLSXWriter.columnLetters(max(table.columns.count - 1, 0))
        return XLSXWriter.package(
            sheetName: name, title: title, lastColumn: lastColumn, header: first...second,
            lastRow: second + rows.count,
            sheet: sheet(table, rows: rows, title: title, header: first...second, lastColumn: lastColumn))
    }

    /// The runs of consecutive columns under one group heading, as (group, first column, last column).
    static func groups(_ columns: [SheetTable.Column]) -> [(heading: String, range: ClosedRange<Int>)] {
        var runs: [(String, ClosedRange<Int>)] = []
        for (index, column) in columns.enumerated() {
            guard let group = column.group else { continue }
            if let last = runs.last, last.0 == group, last.1.upperBound == index - 1 {
                runs[runs.count - 1].1 = last.1.lowerBound...index
            } else {
                runs.append((group, index...index))
            }
        }
        return runs
    }

    private static func sheet(
        _ table: SheetTable, rows: [[String]], title: String?, header: ClosedRange<Int>, lastColumn: String
    ) -> [UInt8] {
        let columns = table.columns
        let (first, second) = (header.lowerBound, header.upperBound)
        let lastRow = second + rows.count
        let estimate = rows.reduce(4096) { total, row in row.reduce(total + 200) { $0 + $1.utf8.count + 60 } }
        var xml = XMLBuffer(capacity: estimate)
        XLSXWriter.beginSheet(&xml, lastColumn: lastColumn, lastRow: lastRow, frozenBelow: second)
        let widths = columns.indices.map { width(columns[$0], index: $0, rows: rows) }
        xml.append("<cols>")
        for index in columns.indices {
            xml.append(#"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(widths[index])" customWidth="1"/>"#)
        }
        xml.append("</cols><sheetData>")
        if let title {
            xml.append(#"<row r="1" ht="24" customHeight="1">"#)
            XLSXWriter.inlineCell(&xml, reference: "A1", style: .title, text: title)
            xml.append("</row>")
        }
        let groups = groups(columns)
        let groupStarts = Dictionary(uniqueKeysWithValues: groups.map { ($0.range.lowerBound, $0.heading) })
        // Header heights are custom: neither Excel nor LibreOffice fits a row to text in merged cells.
        func lines(_ text: String, width: Int) -> Int { XLSXWriter.lineCount(text, capacity: width * 9 / 10 - 1) }
        let lineHeight = XLSXWriter.lineHeight
        if second > first {
            let groupLines = groups.map { group in
                lines(CellText.sanitize(group.heading), width: group.range.map { widths[$0] }.reduce(0, +))
            }
            let headingLines = columns.indices.map { lines(CellText.sanitize(columns[$0].heading), width: widths[$0]) }
            let subLines = columns.indices.filter { columns[$0].group != nil }.map { headingLines[$0] }
            let secondHeight = (subLines.max() ?? 1) * lineHeight + 6
            let ungrouped = columns.indices.filter { columns[$0].group == nil }.map { headingLines[$0] }
            let firstHeight = max(
                (groupLines.max() ?? 1) * lineHeight + 6, (ungrouped.max() ?? 1) * lineHeight + 6 - secondHeight,
                lineHeight + 6)
            xml.append(#"<row r="\#(first)" ht="\#(firstHeight)" customHeight="1">"#)
            for (index, column) in columns.enumerated() {
                let reference = XLSXWriter.columnLetters(index) + String(first)
                if column.group == nil {
                    XLSXWriter.inlineCell(&xml, reference: reference, style: .header, text: sanitized(column.heading))
                } else if let heading = groupStarts[index] {
                    XLSXWriter.inlineCell(&xml, reference: reference, style: .header, text: sanitized(heading))
                } else {
                    XLSXWriter.emptyCell(&xml, reference: reference, style: .header)
                }
            }
            xml.append(#"</row><row r="\#(second)" ht="\#(secondHeight)" customHeight="1">"#)
            for (index, column) in columns.enumerated() {
                let reference = XLSXWriter.columnLetters(index) + String(second)
                if column.group == nil {
                    XLSXWriter.emptyCell(&xml, reference: reference, style: .header)
                } else {
                    XLSXWriter.inlineCell(&xml, reference: reference, style: .header, text: sanitized(column.heading))
                }
            }
            xml.append("</row>")
        } else {
            let height =
                (columns.indices.map { lines(CellText.sanitize(columns[$0].heading), width: widths[$0]) }.max() ?? 1)
                * lineHeight + 6
            xml.append(#"<row r="\#(first)" ht="\#(height)" customHeight="1">"#)
            for (index, column) in columns.enumerated() {
                XLSXWriter.inlineCell(
                    &xml, reference: XLSXWriter.columnLetters(index) + String(first), style: .header,
                    text: sanitized(column.heading))
            }
            xml.append("</row>")
        }
        for (offset, cells) in rows.enumerated() {
            let rowNumber = String(second + 1 + offset)
            XLSXWriter.startRow(&xml, rowNumber, cells, widths: widths)
            for (index, text) in cells.enumerated() {
                let reference = XLSXWriter.columnLetters(index) + rowNumber
                if text.isEmpty {
                    XLSXWriter.emptyCell(&xml, reference: reference, style: .body)
                } else if columns[index].numeric, isPlainNumber(text) {
                    xml.append(#"<c r=""#)
                    xml.append(reference)
                    xml.append(#"" s="\#(Style.body.rawValue)"><v>"#)
                    xml.append(text)
                    xml.append("</v></c>")
                } else {
                    XLSXWriter.inlineCell(&xml, reference: reference, style: .body, text: text)
                }
            }
            xml.append("</row>")
        }
        xml.append("</sheetData>")
        xml.append(#"<autoFilter ref="A\#(second):\#(lastColumn)\#(lastRow)"/>"#)
        if second > first {
            let merges =
                columns.indices.filter { columns[$0].group == nil }.map { index in
                    let letters = XLSXWriter.columnLetters(index)
                    return "\(letters)\(first):\(letters)\(second)"
                }
                + groups.filter { $0.range.count > 1 }.map { group in
                    XLSXWriter.columnLetters(group.range.lowerBound) + String(first) + ":"
                        + XLSXWriter.columnLetters(group.range.upperBound) + String(first)
                }
            if !merges.isEmpty {
                xml.append(#"<mergeCells count="\#(merges.count)">"#)
                for merge in merges { xml.append(#"<mergeCell ref="\#(merge)"/>"#) }
                xml.append("</mergeCells>")
            }
        }
        XLSXWriter.endSheet(&xml)
        return xml.bytes
    }

    private static func sanitized(_ text: String) -> String { CellText.sanitize(text) }

    /// Digits with an optional sign and decimal point, as a number cell's value must be written: text such as
    /// "1e5", "inf" or "0x10" that `Double` would also read stays text.
    static func isPlainNumber(_ text: String) -> Bool {
        var digits = 0
        var point = false
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "-") where offset == 0: continue
            case UInt8(ascii: ".") where !point && digits > 0: point = true
            default: return false
            }
        }
        return digits > 0 && text.utf8.last != UInt8(ascii: ".")
    }

    /// The column's width: its longest line (the heading's longest word included) within the column's range.
    private static func width(_ column: SheetTable.Column, index: Int, rows: [[String]]) -> Int {
        let range = column.width
        var longest = column.heading.split(separator: " ").map(\.count).max() ?? 0
        for row in rows {
            longest = max(longest, XLSXWriter.longestLine(row[index]))
            if longest >= range.upperBound { break }
        }
        return min(max(longest + 2, range.lowerBound), range.upperBound)
    }
}
