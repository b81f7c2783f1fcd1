import Foundation
import Testing
import UPRSpreadsheet

/// The workbook reader other importers use: a sheet as cell text, the same faults as the matrix's reader.
@Suite("Workbook reader")
struct WorkbookReaderTests {
    @Test("a sheet's rows as cell text, each row numbered as the sheet numbers it")
    func rows() throws {
        let data = ImplementationMatrix.xlsx(Fixtures.seedOnly)
        let grid = try WorkbookReader.firstSheet(in: data) { grid in grid }
        // The title, the two header rows, the two data rows.
        #expect(grid.rows.map(\.number) == [1, 2, 3, 4, 5])
        #expect(grid.rows[0].cells[0] == "Implementation plan – Mongolia")
        #expect(grid.rows[3].cells[0] == "108.42")
    }

    @Test("with a row limit only the first rows are kept")
    func rowLimit() throws {
        let data = ImplementationMatrix.xlsx(Fixtures.seedOnly)
        let first = try WorkbookReader.firstSheet(in: data, rowLimit: 1) { grid in grid.rows }
        #expect(first.count == 1)
        #expect(first.first?.cells[0] == "Implementation plan – Mongolia")
    }

    @Test("a sheet the caller refuses, and a file that is no workbook")
    func refusals() {
        let data = ImplementationMatrix.xlsx(Fixtures.seedOnly)
        #expect(throws: ReadProblem.self) {
            try WorkbookReader.firstSheet(in: data) { _ throws(ReadProblem) -> Int in throw ReadProblem("not mine") }
        }
        do {
            _ = try WorkbookReader.firstSheet(in: Data("a,b\n".utf8)) { $0 }
            Issue.record("read a CSV as a workbook")
        } catch {
            #expect(error.message.hasPrefix("not a readable XLSX workbook"))
        }
    }
}
