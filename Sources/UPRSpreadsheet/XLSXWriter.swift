import Foundation
import ZIPFoundation

/// Writes the matrix as an Office Open XML workbook with one worksheet.
///
/// Layout: an optional bold title in A1, the two-row annex header (single headings merged down over both rows, the
/// mechanism heading merged across its two sub-headings), the pane frozen below the header, an autofilter on the
/// header's second row, the header rows repeated on every printed page, landscape A4 fitted to the page width.
/// Cells are inline strings, so nothing is ever read as a number or a formula; the Rec # column is formatted as
/// text so that a paragraph number typed into a new row in Excel ("108.10") stays text.
enum XLSXWriter {
    /// Cell style indexes into `cellXfs` of the styles part.
    enum Style: Int {
        case header = 1
        case body = 2
        case bodyText = 3
        case title = 4
        /// The Rec # column's default: text, so that a number typed into a new row keeps its digits.
        case textColumn = 5
    }

    static func workbook(_ document: MatrixDocument, sheetName: String) -> Data {
        let name = validSheetName(sheetName)
        let title = document.title.map(CellText.sanitize).flatMap { $0.isEmpty ? nil : $0 }
        let first = headerRow(hasTitle: title != nil)
        return package(
            sheetName: name, title: title, lastColumn: lastColumn, header: first...(first + 1),
            lastRow: first + 1 + document.rows.count, sheet: sheet(document, title: title))
    }

    /// A workbook of one worksheet (already written): the parts every workbook of this module has around it. The
    /// header rows are printed on every page and the autofilter covers the last header row down to `lastRow`.
    static func package(
        sheetName: String, title: String?, lastColumn: String, header: ClosedRange<Int>, lastRow: Int,
        sheet: [UInt8]
    ) -> Data {
        OfficePackage.zip([
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", packageRelationships),
            ("docProps/app.xml", appProperties(sheetName: sheetName)),
            ("docProps/core.xml", coreProperties(title: title)),
            (
                "xl/workbook.xml",
                workbookPart(
                    sheetName: sheetName, lastColumn: lastColumn, first: header.lowerBound,
                    second: header.upperBound, lastRow: lastRow)
            ),
            ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/styles.xml", styles),
            ("xl/worksheets/sheet1.xml", sheet),
        ])
    }

    // MARK: - The worksheet

    /// The header's first row (1-based): below the title when there is one.
    private static func headerRow(hasTitle: Bool) -> Int { hasTitle ? 2 : 1 }

    private static let lastColumn = columnLetters(MatrixColumn.allCases.count - 1)

    private static func sheet(_ document: MatrixDocument, title: String?) -> [UInt8] {
        let columns = MatrixColumn.allCases
        let rows = document.rows.map { row in columns.map { CellText.sanitize(row[keyPath: $0.keyPath]) } }
        let first = headerRow(hasTitle: title != nil)
        let second = first + 1
        let lastRow = second + rows.count
        let estimate = rows.reduce(4096) { total, row in row.reduce(total + 200) { $0 + $1.utf8.count + 60 } }
        var xml = XMLBuffer(capacity: estimate)
        beginSheet(&xml, lastColumn: lastColumn, lastRow: lastRow, frozenBelow: second)
        let widths = columns.map { columnWidth($0, rows: rows) }
        xml.append("<cols>")
        for column in columns {
            let index = column.rawValue + 1
            let style = column == .recNumber ? #" style="\#(Style.textColumn.rawValue)""# : ""
            xml.append(
                #"<col min="\#(index)" max="\#(index)" width="\#(widths[column.rawValue])"\#(style) customWidth="1"/>"#)
        }
        xml.append("</cols><sheetData>")
        if let title {
            xml.append(#"<row r="1" ht="24" customHeight="1">"#)
            inlineCell(&xml, reference: "A1", style: .title, text: title)
            xml.append("</row>")
        }
        // The header's rows are as tall as its headings need; the heights are custom because neither Excel nor
        // LibreOffice fits a row to text in merged cells.
        let (firstHeight, secondHeight) = headerHeights(widths: widths)
        xml.append(#"<row r="\#(first)" ht="\#(firstHeight)" customHeight="1">"#)
        for column in columns {
            let reference = "\(columnLetters(column.rawValue))\(first)"
            switch column {
            case .otherMechanismsNational:
                inlineCell(&xml, reference: reference, style: .header, text: MatrixColumn.mechanismsGroupHeading)
            case .otherMechanismsInternational: emptyCell(&xml, reference: reference, style: .header)
            default: inlineCell(&xml, reference: reference, style: .header, text: column.heading)
            }
        }
        xml.append(#"</row><row r="\#(second)" ht="\#(secondHeight)" customHeight="1">"#)
        for column in columns {
            let reference = "\(columnLetters(column.rawValue))\(second)"
            if column.isMechanism {
                inlineCell(&xml, reference: reference, style: .header, text: column.heading)
            } else {
                emptyCell(&xml, reference: reference, style: .header)
            }
        }
        xml.append("</row>")
        for (offset, cells) in rows.enumerated() {
            let rowNumber = String(second + 1 + offset)
            startRow(&xml, rowNumber, cells, widths: widths)
            for (index, text) in cells.enumerated() {
                let reference = columnLetters(index) + rowNumber
                let style: Style = index == MatrixColumn.recNumber.rawValue ? .bodyText : .body
                if text.isEmpty {
                    emptyCell(&xml, reference: reference, style: style)
                } else {
                    inlineCell(&xml, reference: reference, style: style, text: text)
                }
            }
            xml.append("</row>")
        }
        xml.append("</sheetData>")
        xml.append(#"<autoFilter ref="A\#(second):\#(lastColumn)\#(lastRow)"/>"#)
        xml.append(#"<mergeCells count="\#(columns.count - 1)">"#)
        for column in columns where !column.isMechanism {
            let letters = columnLetters(column.rawValue)
            xml.append(#"<mergeCell ref="\#(letters)\#(first):\#(letters)\#(second)"/>"#)
        }
        let national = columnLetters(MatrixColumn.otherMechanismsNational.rawValue)
        let international = columnLetters(MatrixColumn.otherMechanismsInternational.rawValue)
        xml.append(#"<mergeCell ref="\#(national)\#(first):\#(international)\#(first)"/>"#)
        xml.append("</mergeCells>")
        endSheet(&xml)
        return xml.bytes
    }

    /// The worksheet's start up to its columns: the used range, the pane frozen below row `frozenBelow` (the
    /// header's last), the sheet fitted to the page's width.
    static func beginSheet(_ xml: inout XMLBuffer, lastColumn: String, lastRow: Int, frozenBelow header: Int) {
        xml.append(
            #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
                + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#)
        xml.append(#"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#)
        xml.append(#"<dimension ref="A1:\#(lastColumn)\#(lastRow)"/>"#)
        xml.append(
            #"<sheetViews><sheetView tabSelected="1" workbookViewId="0">"#
                + #"<pane ySplit="\#(header)" topLeftCell="A\#(header + 1)" activePane="bottomLeft" state="frozen"/>"#
                + #"<selection pane="bottomLeft" activeCell="A\#(header + 1)" sqref="A\#(header + 1)"/>"#
                + "</sheetView></sheetViews>")
        xml.append(#"<sheetFormatPr defaultRowHeight="15"/>"#)
    }

    /// The worksheet's end: landscape A4 with narrow margins.
    static func endSheet(_ xml: inout XMLBuffer) {
        xml.append(#"<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>"#)
        xml.append(#"<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#)
        xml.append("</worksheet>")
    }

    static func inlineCell(_ xml: inout XMLBuffer, reference: String, style: Style, text: String) {
        xml.append(#"<c r=""#)
        xml.append(reference)
        xml.append(#"" s="\#(style.rawValue)" t="inlineStr"><is><t"#)
        if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
            first.properties.isWhitespace || last.properties.isWhitespace
        {
            xml.append(#" xml:space="preserve""#)
        }
        xml.append(">")
        xml.appendEscaped(CellText.escapeOOXML(text))
        xml.append("</t></is></c>")
    }

    static func emptyCell(_ xml: inout XMLBuffer, reference: String, style: Style) {
        xml.append(#"<c r=""#)
        xml.append(reference)
        xml.append(#"" s="\#(style.rawValue)"/>"#)
    }

    /// A data row's start tag. LibreOffice does not fit rows to wrapped text when it opens a workbook, so each row
    /// gets the height its text needs at the column widths; the height is not custom, so either program refits it
    /// on edit.
    static func startRow(_ xml: inout XMLBuffer, _ rowNumber: String, _ cells: [String], widths: [Int]) {
        xml.append(#"<row r=""#)
        xml.append(rowNumber)
        xml.append(#"" ht=""#)
        xml.append(rowHeight(cells, widths: widths))
        xml.append(#"">"#)
    }

    /// The column's width: its longest line (header words included) within the column's range.
    private static func columnWidth(_ column: MatrixColumn, rows: [[String]]) -> Int {
        let range = column.widthRange
        var longest = column.heading.split(separator: " ").map(\.count).max() ?? 0
        for row in rows {
            longest = max(longest, longestLine(row[column.rawValue]))
            if longest >= range.upperBound { break }
        }
        return min(max(longest + 2, range.lowerBound), range.upperBound)
    }

    /// Points per line of 11-point Calibri, as Excel sizes a row.
    static let lineHeight = 15

    /// Excel's tallest row, in points.
    private static let maximumRowHeight = 409

    private static func rowHeight(_ cells: [String], widths: [Int]) -> Int {
        var lines = 1
        for (index, text) in cells.enumerated() where !text.isEmpty {
            lines = max(lines, lineCount(text, capacity: widths[index] * 11 / 10 - 1))
        }
        return min(lines * lineHeight + (lines > 1 ? 3 : 0), maximumRowHeight)
    }

    /// The first header row holds the mechanism heading over two columns and is, with the second row, as tall as
    /// the longest of the other headings; bold text is about a tenth wider.
    private static func headerHeights(widths: [Int]) -> (Int, Int) {
        func lines(_ text: String, width: Int) -> Int { lineCount(text, capacity: width * 9 / 10 - 1) }
        let second = lineHeight + 5
        let national = MatrixColumn.otherMechanismsNational.rawValue
        let group = lines(MatrixColumn.mechanismsGroupHeading, width: widths[national] + widths[national + 1])
        let others = MatrixColumn.allCases.filter { !$0.isMechanism }.map {
            lines($0.heading, width: widths[$0.rawValue])
        }
        let first = max(group * lineHeight + 6, (others.max() ?? 1) * lineHeight + 6 - second)
        return (max(first, 2 * lineHeight + 6), second)
    }

    /// How many lines `text` takes when wrapped at word boundaries in `capacity` characters per line.
    static func lineCount(_ text: String, capacity: Int) -> Int {
        let capacity = max(capacity, 1)
        var lines = 1
        var lineLength = 0
        var wordLength = 0
        func endWord() {
            guard wordLength > 0 else { return }
            if lineLength > 0 && lineLength + 1 + wordLength <= capacity {
                lineLength += 1 + wordLength
            } else {
                if lineLength > 0 { lines += 1 }
                // A word longer than the line is broken across lines.
                lines += (wordLength - 1) / capacity
                lineLength = (wordLength - 1) % capacity + 1
            }
            wordLength = 0
        }
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") {
                endWord()
                lines += 1
                lineLength = 0
            } else if byte == UInt8(ascii: " ") {
                endWord()
            } else if byte & 0xC0 != 0x80 {
                wordLength += 1
            }
        }
        endWord()
        return lines
    }

    /// The length in characters (counted as Unicode scalars, which is close enough for a width) of the longest line.
    static func longestLine(_ text: String) -> Int {
        var longest = 0
        var current = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") {
                longest = max(longest, current)
                current = 0
            } else if byte & 0xC0 != 0x80 {
                current += 1
            }
        }
        return max(longest, current)
    }

    /// "A" for 0, "J" for 9, "AA" for 26.
    static func columnLetters(_ index: Int) -> String {
        var index = index
        var letters: [UInt8] = []
        repeat {
            letters.insert(UInt8(ascii: "A") + UInt8(index % 26), at: 0)
            index = index / 26 - 1
        } while index >= 0
        return String(decoding: letters, as: UTF8.self)
    }

    /// Excel refuses sheet names that are empty, longer than 31 characters, hold any of `[]:*?/\` or start or end
    /// with an apostrophe.
    static func validSheetName(_ proposed: String, fallback: String = "Implementation plan") -> String {
        var name = String(
            CellText.sanitize(proposed).map { "[]:*?/\\\n\t".contains($0) ? "-" : $0 }
        )
        name = String(name.trimmingCharacters(in: .whitespaces).prefix(31))
        while name.hasPrefix("'") { name.removeFirst() }
        while name.hasSuffix("'") { name.removeLast() }
        // "History" is reserved by Excel for change tracking.
        if name.isEmpty || name.lowercased() == "history" { return fallback }
        return name
    }

    // MARK: - The other parts

    private static func part(_ xml: String) -> [UInt8] {
        Array((#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n" + xml).utf8)
    }

    private static let contentTypes = part(
        #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" "#
            + #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/worksheets/sheet1.xml" "#
            + #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" "#
            + #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
            + #"<Override PartName="/docProps/core.xml" "#
            + #"ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
            + #"<Override PartName="/docProps/app.xml" "#
            + #"ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#
            + "</Types>")

    private static let packageRelationships = part(
        #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + #"<Relationship Id="rId1" "#
            + #"Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" "#
            + #"Target="xl/workbook.xml"/>"#
            + #"<Relationship Id="rId2" "#
            + #"Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" "#
            + #"Target="docProps/core.xml"/>"#
            + #"<Relationship Id="rId3" "#
            + #"Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" "#
            + #"Target="docProps/app.xml"/>"#
            + "</Relationships>")

    private static let workbookRelationships = part(
        #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + #"<Relationship Id="rId1" "#
            + #"Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" "#
            + #"Target="worksheets/sheet1.xml"/>"#
            + #"<Relationship Id="rId2" "#
            + #"Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" "#
            + #"Target="styles.xml"/>"#
            + "</Relationships>")

    private static func appProperties(sheetName: String) -> [UInt8] {
        var xml = XMLBuffer()
        xml.append(
            #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" "#
                + #"xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#
                + "<Application>UPR Tracker</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
                + #"<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr>"#
                + "</vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>"
                + #"<TitlesOfParts><vt:vector size="1" baseType="lpstr">"#)
        xml.element("vt:lpstr", sheetName)
        xml.append(
            "</vt:vector></TitlesOfParts><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
                + "<HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>")
        return xml.bytes
    }

    /// No dates: a creation time would make two exports of the same plan differ.
    private static func coreProperties(title: String?) -> [UInt8] {
        var xml = XMLBuffer()
        xml.append(
            #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#
                + #"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#
                + #"xmlns:dcmitype="http://purl.org/dc/dcmitype/" "#
                + #"xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#)
        if let title { xml.element("dc:title", title) }
        xml.append("<dc:creator>UPR Tracker</dc:creator></cp:coreProperties>")
        return xml.bytes
    }

    /// The workbook part of a sheet whose header spans rows `first` to `second` and whose data end at `lastRow`: the
    /// autofilter's range and the header printed on every page.
    private static func workbookPart(sheetName: String, lastColumn: String, first: Int, second: Int, lastRow: Int)
        -> [UInt8]
    {
        let quoted = "'" + sheetName.replacingOccurrences(of: "'", with: "''") + "'"
        var xml = XMLBuffer()
        xml.append(
            #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
                + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
                + #"<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet name=""#)
        xml.appendEscaped(sheetName)
        xml.append(#"" sheetId="1" r:id="rId1"/></sheets><definedNames>"#)
        xml.append(#"<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">"#)
        xml.appendEscaped("\(quoted)!$A$\(second):$\(lastColumn)$\(lastRow)")
        xml.append(#"</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">"#)
        xml.appendEscaped("\(quoted)!$\(first):$\(second)")
        xml.append(#"</definedName></definedNames><calcPr calcId="191029"/></workbook>"#)
        return xml.bytes
    }

    /// Fonts: 0 body, 1 bold header, 2 bold title. Fills: the two Excel requires, then the header's pale blue.
    /// Cell formats in `Style` order; 3 and 5 have the built-in text number format (49, "@").
    private static let styles = part(
        #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
            + #"<fonts count="3">"#
            + #"<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#
            + #"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/>"#
            + #"</font>"#
            + #"<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/>"#
            + #"</font>"#
            + "</fonts>"
            + #"<fills count="3"><fill><patternFill patternType="none"/></fill>"#
            + #"<fill><patternFill patternType="gray125"/></fill>"#
            + #"<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/>"#
            + "</patternFill></fill></fills>"
            + #"<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>"#
            + #"<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>"#
            + #"<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom>"#
            + "<diagonal/></border></borders>"
            + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
            + #"<cellXfs count="6">"#
            + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
            + #"<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" "#
            + #"applyBorder="1" applyAlignment="1">"#
            + #"<alignment horizontal="center" vertical="center" wrapText="1"/></xf>"#
            + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1">"#
            + #"<alignment vertical="top" wrapText="1"/></xf>"#
            + #"<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" "#
            + #"applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#
            + #"<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">"#
            + #"<alignment vertical="center"/></xf>"#
            + #"<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" "#
            + #"applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#
            + "</cellXfs>"
            + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
            + #"<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" "#
            + #"defaultPivotStyle="PivotStyleLight16"/>"#
            + "</styleSheet>")
}
