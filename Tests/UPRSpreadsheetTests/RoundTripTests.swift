import Foundation
import Testing

@testable import UPRSpreadsheet

@Suite("Write, then read back")
struct RoundTripTests {
    @Test("XLSX: the same rows and title come back")
    func xlsx() throws {
        let document = Fixtures.document
        let read = try #require(readMatrix(ImplementationMatrix.xlsx(document), "plan.xlsx"))
        #expect(read.title == document.title)
        #expect(read.rows.count == document.rows.count)
        for (got, expected) in zip(read.rows, document.rows) { #expect(got == expected) }
    }

    @Test("CSV: the same rows and title come back")
    func csv() throws {
        let document = Fixtures.document
        let read = try #require(readMatrix(Data(ImplementationMatrix.csv(document).utf8), "plan.csv"))
        #expect(read.title == document.title)
        #expect(read.rows.count == document.rows.count)
        for (got, expected) in zip(read.rows, document.rows) { #expect(got == expected) }
    }

    @Test("no title, no rows, one sheet name or another")
    func untitled() {
        for document in [MatrixDocument(), MatrixDocument(title: nil, rows: [Fixtures.canada])] {
            #expect(readMatrix(ImplementationMatrix.xlsx(document, sheetName: "Төлөвлөгөө"), "a.xlsx") == document)
            #expect(readMatrix(Data(ImplementationMatrix.csv(document).utf8), "a.csv") == document)
        }
    }

    @Test("text is sanitized the same way in both formats")
    func sanitized() throws {
        var row = Fixtures.canada
        row.goal = "line one\r\nline two\rline three\u{0}\u{1}\u{8}\u{B}\u{C}\u{1F}\u{FFFE}!"
        row.indicators = String(repeating: "𝑥ы", count: 20_000)  // 60,000 UTF-16 units
        let document = MatrixDocument(title: "Plan\u{0}", rows: [row])
        let fromXLSX = try #require(readMatrix(ImplementationMatrix.xlsx(document), "s.xlsx"))
        let fromCSV = try #require(readMatrix(Data(ImplementationMatrix.csv(document).utf8), "s.csv"))
        #expect(fromXLSX == fromCSV)
        let read = try #require(fromXLSX.rows.first)
        #expect(fromXLSX.title == "Plan")
        #expect(read.goal == "line one\nline two\nline three!")
        #expect(read.indicators.utf16.count == CellText.maximumLength)
        #expect(read.indicators.hasSuffix("…"))
        #expect(read.indicators.hasPrefix("𝑥ы𝑥ы"))
        #expect(read.recommendation == row.recommendation)
    }

    @Test("many rows")
    func manyRows() throws {
        let rows = (1...600).map { index in
            var row = index.isMultiple(of: 2) ? Fixtures.canada : Fixtures.czechRepublic
            row.recNumber = "108.\(index)"
            return row
        }
        let document = MatrixDocument(title: "Implementation plan – Mongolia", rows: rows)
        #expect(readMatrix(ImplementationMatrix.xlsx(document), "big.xlsx") == document)
        #expect(readMatrix(Data(ImplementationMatrix.csv(document).utf8), "big.csv") == document)
    }

    @Test("reads run safely at the same time")
    func concurrentReads() async {
        let xlsx = ImplementationMatrix.xlsx(Fixtures.document)
        let csv = Data(ImplementationMatrix.csv(Fixtures.document).utf8)
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<16 {
                group.addTask {
                    let data = index.isMultiple(of: 2) ? xlsx : csv
                    return (try? ImplementationMatrix.read(data, fileName: "p")) == Fixtures.document
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 16))
    }
}

@Suite("CSV as written")
struct CSVWriterTests {
    @Test("UTF-8 with a byte order mark, CRLF, RFC 4180 quoting")
    func format() {
        let csv = ImplementationMatrix.csv(Fixtures.seedOnly)
        #expect(csv.hasPrefix("\u{FEFF}Implementation plan – Mongolia,,,,,,,,,\r\n"))
        let lines = csv.dropFirst().components(separatedBy: "\r\n")
        #expect(
            lines[1]
                == "Rec #,RS,Recommendation(s),Response,"
                + "Was the same recommendations made by other mechanisms? – National,"
                + "Was the same recommendations made by other mechanisms? – International,"
                + "Goal to be achieved,Expected action from Government,"
                + "Indicators/data to track progress of implementation,Government body responsible for recommendation")
        #expect(
            lines[2]
                == "108.42,Czech Republic,"
                + "\"Adopt a comprehensive law against discrimination on all grounds, including legal protection of "
                + "victims\",Accepted,\"National Human Rights Commission of Mongolia, status report 2014\","
                + "\"CERD (2010), CESCR (2015)\",Ялгаварлан гадуурхалтын эсрэг иж бүрэн хууль батлагдсан байх,"
                + "\"Draft the law, consult civil society, \"\"submit\"\" it to the State Great Khural\nby 2017\","
                + "\"'- Law adopted (yes/no)\n- Number of discrimination complaints, by ground; by aimag\","
                + "Ministry of Justice")
        #expect(csv.hasSuffix("Ministry of Justice and Home Affairs\r\n"))
        #expect(ImplementationMatrix.csv(Fixtures.seedOnly) == csv, "deterministic")
    }

    @Test("text Excel would run as a formula is guarded, numbers are not")
    func formulaGuard() {
        let csv = ImplementationMatrix.csv(MatrixDocument(rows: [Fixtures.awkward]))
        #expect(csv.contains(#","'=HYPERLINK(""http://example.org"")","#))
        #expect(csv.contains(",'+976 11 26 36 35,'-5% cases,'@ministry,"))
        #expect(csv.contains(#"  indented, with trailing space  ""#))
        let negative = ImplementationMatrix.csv(MatrixDocument(rows: [MatrixRow(recNumber: "1", goal: "-5")]))
        #expect(negative.contains(",-5,"))
    }
}
