import Foundation
import Testing

@testable import UPRSpreadsheet

@Suite("Writing the matrix as XLSX")
struct XLSXWriterTests {
    static let requiredParts = [
        "[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml",
    ]

    @Test("the annex headings, in order")
    func columnTitles() {
        #expect(
            ImplementationMatrix.columnTitles == [
                "Rec #", "RS", "Recommendation(s)", "Response",
                "Was the same recommendations made by other mechanisms? – National",
                "Was the same recommendations made by other mechanisms? – International",
                "Goal to be achieved", "Expected action from Government",
                "Indicators/data to track progress of implementation",
                "Government body responsible for recommendation",
            ])
    }

    @Test("the package has every part, each well-formed XML")
    func partsAreWellFormed() throws {
        let files = try parts(of: ImplementationMatrix.xlsx(Fixtures.document))
        #expect(files.keys.sorted() == Self.requiredParts.sorted())
        for (path, bytes) in files {
            #expect(try !elements(bytes, part: path).isEmpty, "\(path)")
        }
        let contentTypes = try elements(files["[Content_Types].xml"]!, part: "types")
        let overrides = contentTypes.filter { $0.name == "Override" }.compactMap { $0.attributes["PartName"] }
        #expect(
            Set(overrides) == [
                "/xl/workbook.xml", "/xl/worksheets/sheet1.xml", "/xl/styles.xml", "/docProps/core.xml",
                "/docProps/app.xml",
            ])
    }

    @Test("writing the same document twice gives the same bytes")
    func deterministic() {
        let first = ImplementationMatrix.xlsx(Fixtures.document)
        let second = ImplementationMatrix.xlsx(Fixtures.document)
        #expect(first == second)
        #expect(first != ImplementationMatrix.xlsx(Fixtures.seedOnly))
    }

    @Test("the header: two rows, merged as the annex prints it, frozen and filtered")
    func header() throws {
        let files = try parts(of: ImplementationMatrix.xlsx(Fixtures.seedOnly))
        let sheet = try elements(files["xl/worksheets/sheet1.xml"]!, part: "sheet1")
        let merges = sheet.filter { $0.name == "mergeCell" }.compactMap { $0.attributes["ref"] }
        #expect(
            merges == ["A2:A3", "B2:B3", "C2:C3", "D2:D3", "G2:G3", "H2:H3", "I2:I3", "J2:J3", "E2:F2"])
        #expect(sheet.first { $0.name == "mergeCells" }?.attributes["count"] == "9")
        let pane = try #require(sheet.first { $0.name == "pane" })
        #expect(pane.attributes["ySplit"] == "3")
        #expect(pane.attributes["topLeftCell"] == "A4")
        #expect(pane.attributes["state"] == "frozen")
        #expect(sheet.first { $0.name == "autoFilter" }?.attributes["ref"] == "A3:J5")
        #expect(sheet.first { $0.name == "dimension" }?.attributes["ref"] == "A1:J5")

        // Text of each cell by reference.
        var cells: [String: String] = [:]
        var reference = ""
        for element in sheet {
            if element.name == "c" { reference = element.attributes["r"] ?? "" }
            if element.name == "t" { cells[reference, default: ""] += element.text }
        }
        #expect(cells["A1"] == "Implementation plan – Mongolia")
        #expect(cells["A2"] == "Rec #")
        #expect(cells["E2"] == "Was the same recommendations made by other mechanisms?")
        #expect(cells["F2"] == nil)
        #expect(cells["E3"] == "National")
        #expect(cells["F3"] == "International")
        #expect(cells["J2"] == "Government body responsible for recommendation")
        #expect(cells["A4"] == "108.42")
        #expect(cells["G4"] == "Ялгаварлан гадуурхалтын эсрэг иж бүрэн хууль батлагдсан байх")
        #expect(cells["C5"]?.hasPrefix("Adopt the revised Law against Domestic Violence") == true)

        let columns = sheet.filter { $0.name == "col" }
        #expect(columns.count == 10)
        let widths = columns.compactMap { $0.attributes["width"].flatMap(Double.init) }
        #expect(widths[2] >= 45, "Recommendation(s) is a wide column")
        #expect(widths[0] < widths[2])
        // Rows hold as many lines as their text needs.
        let rowHeights = sheet.filter { $0.name == "row" }.compactMap { $0.attributes["ht"].flatMap(Double.init) }
        #expect(rowHeights.count == 5)
        #expect(rowHeights[3] >= 45, "108.42 has a three-line cell")
    }

    @Test("without a title the header starts on row 1")
    func noTitle() throws {
        let document = MatrixDocument(title: nil, rows: [Fixtures.canada])
        let files = try parts(of: ImplementationMatrix.xlsx(document, sheetName: "План"))
        let sheet = try elements(files["xl/worksheets/sheet1.xml"]!, part: "sheet1")
        #expect(sheet.filter { $0.name == "mergeCell" }.compactMap { $0.attributes["ref"] }.last == "E1:F1")
        #expect(sheet.first { $0.name == "pane" }?.attributes["ySplit"] == "2")
        #expect(sheet.first { $0.name == "autoFilter" }?.attributes["ref"] == "A2:J3")
        let workbook = try elements(files["xl/workbook.xml"]!, part: "workbook")
        #expect(workbook.first { $0.name == "sheet" }?.attributes["name"] == "План")
        let names = workbook.filter { $0.name == "definedName" }
        #expect(names.map(\.text) == ["'План'!$A$2:$J$3", "'План'!$1:$2"])
    }

    @Test("styles: a bold, wrapped, bordered header and a wrapped, top-aligned body")
    func styles() throws {
        let files = try parts(of: ImplementationMatrix.xlsx(Fixtures.seedOnly))
        let styles = try elements(files["xl/styles.xml"]!, part: "styles")
        let fonts = styles.filter { $0.name == "font" || $0.name == "b" }.map(\.name)
        #expect(fonts == ["font", "font", "b", "font", "b"])
        let alignments = styles.filter { $0.name == "alignment" }
        #expect(alignments[0].attributes["wrapText"] == "1")
        #expect(alignments[1].attributes == ["vertical": "top", "wrapText": "1"])
        let formats = styles.filter { $0.name == "xf" }.dropFirst()  // after the cell style's own xf
        #expect(formats.map { $0.attributes["borderId"] } == ["0", "1", "1", "1", "0", "0"])
        #expect(formats.map { $0.attributes["numFmtId"] } == ["0", "0", "0", "49", "0", "49"])
    }

    @Test("sheet names Excel would refuse are repaired")
    func sheetNames() {
        #expect(XLSXWriter.validSheetName("Plan [2016/2019]: draft?") == "Plan -2016-2019-- draft-")
        #expect(XLSXWriter.validSheetName("") == "Implementation plan")
        #expect(XLSXWriter.validSheetName("'quoted'") == "quoted")
        #expect(XLSXWriter.validSheetName(String(repeating: "x", count: 40)).count == 31)
    }

    @Test("column letters and line estimates")
    func helpers() {
        #expect(XLSXWriter.columnLetters(0) == "A")
        #expect(XLSXWriter.columnLetters(9) == "J")
        #expect(XLSXWriter.columnLetters(26) == "AA")
        #expect(XLSXWriter.columnLetters(16_383) == "XFD")
        #expect(XLSXWriter.lineCount("", capacity: 10) == 1)
        #expect(XLSXWriter.lineCount("one two three", capacity: 7) == 2)
        #expect(XLSXWriter.lineCount("a\nb\n\nc", capacity: 10) == 4)
        #expect(XLSXWriter.lineCount(String(repeating: "x", count: 25), capacity: 10) == 3)
    }

    @Test("an empty document is a valid matrix with no rows")
    func emptyDocument() throws {
        let data = ImplementationMatrix.xlsx(MatrixDocument())
        let files = try parts(of: data)
        for (path, bytes) in files { _ = try elements(bytes, part: path) }
        #expect(readMatrix(data, "empty.xlsx") == MatrixDocument())
    }
}
