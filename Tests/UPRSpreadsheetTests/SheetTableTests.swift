import Foundation
import Testing

@testable import UPRSpreadsheet

/// The tables beside the matrix (indicators with measurements, a round's assessments): the same rules in both
/// formats, and what a spreadsheet program reads back.
@Suite("Writing a SheetTable as XLSX and CSV")
struct SheetTableTests {
    static let table = SheetTable(
        title: "Indicators – Mongolia",
        columns: [
            .init("ID", numeric: true), .init("Title"), .init("Value", group: "Baseline", numeric: true),
            .init("Date", group: "Baseline"), .init("Progress", group: "Ministry (Government)"),
            .init("Comment", group: "Ministry (Government)"),
        ],
        rows: [
            ["7", "Court decisions", "10", "2016-12-31", "Partially", "=HYPERLINK(\"https://evil.example\",\"x\")"],
            ["8", "Shelters, \"safe\"\nhouses", "-2.5", "", "", "+1 more"],
            ["9", "Short row"],
        ])

    @Test("XLSX: title, a two-row header with groups merged, every cell read back as written")
    func xlsxReadsBack() throws {
        let data = Self.table.xlsx(sheetName: "Indicators")
        let grid = try WorkbookReader.firstSheet(in: data) { $0 }
        #expect(grid.rows.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(grid.rows[0].cells == [0: "Indicators – Mongolia"])
        #expect(grid.rows[1].cells == [0: "ID", 1: "Title", 2: "Baseline", 4: "Ministry (Government)"])
        #expect(grid.rows[2].cells == [2: "Value", 3: "Date", 4: "Progress", 5: "Comment"])
        #expect(grid.rows[3].cells[5] == "=HYPERLINK(\"https://evil.example\",\"x\")")
        #expect(grid.rows[4].cells == [0: "8", 1: "Shelters, \"safe\"\nhouses", 2: "-2.5", 5: "+1 more"])
        #expect(grid.rows[5].cells == [0: "9", 1: "Short row"])

        let files = try parts(of: data)
        let sheet = try elements(try #require(files["xl/worksheets/sheet1.xml"]), part: "sheet1")
        // Nothing is a formula; the numeric columns hold numbers, everything else inline strings.
        #expect(!sheet.contains { $0.name == "f" })
        let cells = Dictionary(
            sheet.filter { $0.name == "c" }.map { ($0.attributes["r"] ?? "", $0.attributes["t"]) },
            uniquingKeysWith: { a, _ in a })
        #expect(cells["F4"] == .some("inlineStr"))
        #expect(cells["A4"] == .some(nil))
        #expect(cells["C5"] == .some(nil))
        let merges = sheet.filter { $0.name == "mergeCell" }.compactMap { $0.attributes["ref"] }
        #expect(merges.sorted() == ["A2:A3", "B2:B3", "C2:D2", "E2:F2"])
        #expect(sheet.first { $0.name == "autoFilter" }?.attributes["ref"] == "A3:F6")
        #expect(sheet.first { $0.name == "pane" }?.attributes["ySplit"] == "3")
        let workbook = String(decoding: try #require(files["xl/workbook.xml"]), as: UTF8.self)
        #expect(workbook.contains("&apos;Indicators&apos;!$2:$3") || workbook.contains("'Indicators'!$2:$3"))
        // The same table, the same bytes.
        #expect(Self.table.xlsx(sheetName: "Indicators") == data)
    }

    @Test("XLSX without groups: one header row")
    func xlsxSingleHeader() throws {
        let table = SheetTable(columns: [.init("A"), .init("B")], rows: [["1", "2"]])
        let grid = try WorkbookReader.firstSheet(in: table.xlsx(sheetName: "")) { $0 }
        #expect(grid.rows.map(\.cells) == [[0: "A", 1: "B"], [0: "1", 1: "2"]])
        let sheet = try elements(
            try #require(try parts(of: table.xlsx(sheetName: ""))["xl/worksheets/sheet1.xml"]), part: "sheet1")
        #expect(!sheet.contains { $0.name == "mergeCell" })
    }

    @Test("CSV: BOM, CRLF, RFC 4180 quoting, flat group headings, formula-like text behind an apostrophe")
    func csvReadsBack() throws {
        let csv = Self.table.csv()
        #expect(csv.utf8.starts(with: [0xEF, 0xBB, 0xBF]))
        let lines = csv.dropFirst().components(separatedBy: "\r\n")
        #expect(lines[0] == "Indicators – Mongolia,,,,,")
        #expect(
            lines[1]
                == "ID,Title,Baseline – Value,Baseline – Date,Ministry (Government) – Progress,"
                + "Ministry (Government) – Comment")
        #expect(lines[2] == #"7,Court decisions,10,2016-12-31,Partially,"'=HYPERLINK(""https://evil.example"",""x"")""#)
        // A negative number is a number, not a formula; text starting with + is guarded.
        #expect(csv.contains(#""Shelters, ""safe""\#nhouses",-2.5,,,'+1 more"#))
        #expect(lines[4] == "9,Short row,,,,")
        let grid = try WorkbookReader.csvGrid(Data(csv.utf8))
        #expect(grid.rows[2].cells[5] == "=HYPERLINK(\"https://evil.example\",\"x\")")
        #expect(grid.rows[3].cells[1] == "Shelters, \"safe\"\nhouses")
        #expect(grid.rows[3].cells[5] == "+1 more")
    }

    @Test("plain numbers only become number cells")
    func plainNumbers() {
        for text in ["0", "42", "-2.5", "10.25"] { #expect(SheetTableWriter.isPlainNumber(text), "\(text)") }
        for text in ["", "-", "1e5", "inf", "nan", "0x10", "1.", ".5", "1.2.3", "+3", "1,5", " 1"] {
            #expect(!SheetTableWriter.isPlainNumber(text), "\(text)")
        }
    }
}
