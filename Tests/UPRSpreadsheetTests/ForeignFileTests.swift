import Foundation
import Testing

@testable import UPRSpreadsheet

/// Matrices saved by other programs, as people will bring them back.
@Suite("Reading matrices saved by Excel and LibreOffice")
struct ForeignFileTests {
    static let seedRows = [
        MatrixRow(
            recNumber: "108.42", recommendingStates: "Czech Republic",
            recommendation:
                "Adopt a comprehensive law against discrimination on all grounds, including legal protection of "
                + "victims",
            response: "Accepted", goal: "Ялгаварлан гадуурхалтын эсрэг иж бүрэн хууль батлагдсан байх",
            expectedAction: "Draft the law\nby 2017", responsibleBody: "Ministry of Justice"),
        MatrixRow(
            recNumber: "108.103", recommendingStates: "Canada",
            recommendation:
                "Adopt the revised Law against Domestic Violence, enhance awareness -raising campaigns about domestic "
                + "violence, and expand services and protection for victims",
            response: "Accepted"),
    ]

    @Test("CSV saved by Excel: byte order mark, CRLF, padded title row, LF inside cells")
    func excelCSV() throws {
        let text =
            "\u{FEFF}Implementation plan – Mongolia,,,,,,,,,\r\n"
            + ImplementationMatrix.columnTitles.joined(separator: ",") + "\r\n"
            + "108.42,Czech Republic,\"Adopt a comprehensive law against discrimination on all grounds, including "
            + "legal protection of victims\",Accepted,,,Ялгаварлан гадуурхалтын эсрэг иж бүрэн хууль батлагдсан байх,"
            + "\"Draft the law\nby 2017\",,Ministry of Justice\r\n"
            + ",,,,,,,,,\r\n"
            + "108.103,Canada,\"Adopt the revised Law against Domestic Violence, enhance awareness -raising campaigns "
            + "about domestic violence, and expand services and protection for victims\",Accepted,,,,,,\r\n"
            + ",,,,,,,,,\r\n"
        let document = try #require(readMatrix(Data(text.utf8), "plan.csv"))
        #expect(document == MatrixDocument(title: "Implementation plan – Mongolia", rows: Self.seedRows))
    }

    /// What `soffice --headless --convert-to csv` made of this module's XLSX (the two-row header kept as two rows).
    static let libreOfficeCSV = """
        "Implementation plan – Mongolia",,,,,,,,,
        "Rec #","RS","Recommendation(s)","Response","Was the same recommendations made by other mechanisms?",,\
        "Goal to be achieved","Expected action from Government",\
        "Indicators/data to track progress of implementation","Government body responsible for recommendation"
        ,,,,"National","International",,,,
        "108.42","Czech Republic","Adopt a comprehensive law against discrimination on all grounds, including \
        legal protection of victims","Accepted","NHRCM annual report 2014","CESCR, CERD (2015)",\
        "Ялгаварлан гадуурхалтын эсрэг иж бүрэн хууль батлагдсан байх","Draft the law, consult civil society, \
        ""submit"" to the State Great Khural
        by 2017","- Law adopted (yes/no)
        - Number of complaints filed","Ministry of Justice"
        "108.103","Canada","Adopt the revised Law against Domestic Violence, enhance awareness -raising campaigns \
        about domestic violence, and expand services and protection for victims","Accepted",,,\
        "Гэр бүлийн хүчирхийллийн эсрэг хууль шинэчлэн батлагдсан байх","Adopt the revised law; fund shelters",\
        "Number of shelters, by aimag","Ministry of Justice and Home Affairs"

        """

    @Test("CSV converted by LibreOffice: no byte order mark, LF, two header rows")
    func libreOfficeCSV() throws {
        let document = try #require(readMatrix(Data(Self.libreOfficeCSV.utf8), "plan.csv"))
        #expect(document.title == "Implementation plan – Mongolia")
        #expect(document.rows.map(\.recNumber) == ["108.42", "108.103"])
        #expect(document.rows[0].otherMechanismsNational == "NHRCM annual report 2014")
        #expect(document.rows[0].otherMechanismsInternational == "CESCR, CERD (2015)")
        #expect(
            document.rows[0].expectedAction
                == "Draft the law, consult civil society, \"submit\" to the State Great Khural\nby 2017")
        #expect(document.rows[0].indicators == "- Law adopted (yes/no)\n- Number of complaints filed")
        #expect(document.rows[1].otherMechanismsNational == "")
        #expect(document.rows[1].responsibleBody == "Ministry of Justice and Home Affairs")
        // The same file with CR line ends (old Mac) and CRLF reads the same.
        let cr = Self.libreOfficeCSV.replacingOccurrences(of: "\n", with: "\r")
        #expect(readMatrix(Data(cr.utf8), "plan.csv") == document)
        let crlf = Self.libreOfficeCSV.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(readMatrix(Data(crlf.utf8), "plan.csv") == document)
    }

    @Test("semicolons, headings in other case and spacing, National/International alone, extra columns")
    func looseHeader() throws {
        let text =
            "Notes;;;;;;;;;;;\n"
            + ";REC #;rs;RECOMMENDATION(S) ;response;  national ;International;\"goal to be\nachieved\";"
            + "Expected  action from government;INDICATORS/DATA TO TRACK PROGRESS OF IMPLEMENTATION;"
            + "government body responsible for recommendation;Comments\n"
            + ";;;;;;;;;;;\n"
            + "; 108.42 ;Czech Republic;Adopt a comprehensive law;Accepted;;;;;;Ministry of Justice;checked\n"
        let document = try #require(readMatrix(Data(text.utf8), "plan.csv"))
        #expect(document.title == "Notes")
        #expect(
            document.rows == [
                MatrixRow(
                    recNumber: "108.42", recommendingStates: "Czech Republic",
                    recommendation: "Adopt a comprehensive law", response: "Accepted",
                    responsibleBody: "Ministry of Justice")
            ])
    }

    @Test("the mechanism headings in the forms people write them")
    func mechanismHeadings() {
        let national: [String] = [
            "National", "Was the same recommendations made by other mechanisms? – National",
            "Was the same recommendations made by other mechanisms? - National",
            "was the same recommendations made by other mechanisms?: national",
            "Was the same recommendations made by other mechanisms (National)",
        ]
        for heading in national { #expect(MatrixColumn.matching(heading) == .otherMechanismsNational, "\(heading)") }
        #expect(
            MatrixColumn.matching("Was the same recommendations made by other mechanisms? — International")
                == .otherMechanismsInternational)
        #expect(MatrixColumn.matching("Was the same recommendations made by other mechanisms?") == nil)
        #expect(
            MatrixColumn.isGroupHeading(
                MatrixColumn.normalize(" Was the same recommendations\nmade by other mechanisms?")))
    }

    @Test("UTF-16 text (Excel's Unicode text, tab-delimited)")
    func utf16() throws {
        let text = ImplementationMatrix.columnTitles.joined(separator: "\t") + "\r\n108.42\tCzech Republic\r\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let document = try #require(readMatrix(Data(bytes), "plan.txt"))
        #expect(document.rows == [MatrixRow(recNumber: "108.42", recommendingStates: "Czech Republic")])
    }

    // MARK: - XLSX the way Excel writes it

    static func excelWorkbook(sheets: [(name: String, xml: String)], sharedStrings: [String], styles: String) -> Data {
        var workbookSheets = ""
        var relationships = ""
        var contentSheets = ""
        var sheetParts: [(String, String)] = []
        for (index, sheet) in sheets.enumerated() {
            // Relationship ids in another order than the sheets, targets absolute, as some writers do.
            let id = "rId\(index + 3)"
            workbookSheets += #"<sheet name="\#(sheet.name)" sheetId="\#(index + 1)" r:id="\#(id)"/>"#
            relationships +=
                #"<Relationship Id="\#(id)" "#
                + #"Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" "#
                + #"Target="/xl/worksheets/sheet\#(index + 1).xml"/>"#
            contentSheets +=
                #"<Override PartName="/xl/worksheets/sheet\#(index + 1).xml" "#
                + #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
            sheetParts.append(("xl/worksheets/sheet\(index + 1).xml", sheet.xml))
        }
        let shared =
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst \#(mainNamespace) count="99" "#
            + #"uniqueCount="\#(sharedStrings.count)">"# + sharedStrings.map { "<si>\($0)</si>" }.joined() + "</sst>"
        return workbookPackage(
            [
                (
                    "[Content_Types].xml",
                    #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
                        + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
                        + #"<Default Extension="xml" ContentType="application/xml"/>"# + contentSheets + "</Types>"
                ),
                packageRelationshipsPart,
                (
                    "xl/workbook.xml",
                    #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
                        + #"<workbook \#(mainNamespace) \#(relationshipNamespace)><workbookPr/><sheets>"#
                        + workbookSheets + "</sheets></workbook>"
                ),
                (
                    "xl/_rels/workbook.xml.rels",
                    #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
                        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
                        + relationships
                        + #"<Relationship Id="rId1" "#
                        + #"Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" "#
                        + #"Target="sharedStrings.xml"/>"#
                        + #"<Relationship Id="rId2" "#
                        + #"Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" "#
                        + #"Target="styles.xml"/></Relationships>"#
                ),
                ("xl/sharedStrings.xml", shared),
                ("xl/styles.xml", styles),
            ] + sheetParts)
    }

    /// Cell formats: 0 General, 1 "0.00" (built-in 2), 2 a custom "0.000", 3 a date (built-in 14).
    static let excelStyles =
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet \#(mainNamespace)>"#
        + #"<numFmts count="1"><numFmt numFmtId="164" formatCode="0.000"/></numFmts>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="2"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs>"#
        + "</styleSheet>"

    /// Shared strings with rich-text runs, a phonetic guide, an escaped carriage return.
    static let excelSharedStrings = [
        "<t>Rec #</t>",  // 0
        "<t>RS</t>",  // 1
        "<t>Recommendation(s)</t>",  // 2
        "<t>Response</t>",  // 3
        "<t>Was the same recommendations made by other mechanisms?</t>",  // 4
        "<t>Goal to be achieved</t>",  // 5
        "<t>Expected action from Government</t>",  // 6
        "<t>Indicators/data to track progress of implementation</t>",  // 7
        "<t>Government body responsible for recommendation</t>",  // 8
        "<t>National</t>",  // 9
        "<t>International</t>",  // 10
        "<r><rPr><b/></rPr><t>Adopt</t></r><r><t xml:space=\"preserve\"> a comprehensive law against "
            + "discrimination on all grounds, including legal protection of victims</t></r>",  // 11
        "<t>Czech Republic</t><rPh sb=\"0\" eb=\"1\"><t>チェコ</t></rPh>",  // 12
        "<t>Accepted</t>",  // 13
        "<t>Draft the law_x000D_\nby 2017</t>",  // 14
        "<t>Implementation plan – Mongolia</t>",  // 15
    ]

    static func excelSheet(rows: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
            + #"<worksheet \#(mainNamespace) \#(relationshipNamespace)>"# + "<sheetData>" + rows
            + "</sheetData></worksheet>"
    }

    /// The matrix one column to the right (column A empty), header on rows 3-4, numbers typed as numbers.
    static let excelMatrixRows =
        #"<row r="1"><c r="B1" t="s"><v>15</v></c></row>"#
        + #"<row r="3"><c r="B3" t="s"><v>0</v></c><c r="C3" t="s"><v>1</v></c><c r="D3" t="s"><v>2</v></c>"#
        + #"<c r="E3" t="s"><v>3</v></c><c r="F3" t="s"><v>4</v></c><c r="H3" t="s"><v>5</v></c>"#
        + #"<c r="I3" t="s"><v>6</v></c><c r="J3" t="s"><v>7</v></c><c r="K3" t="s"><v>8</v></c></row>"#
        + #"<row r="4"><c r="F4" t="s"><v>9</v></c><c r="G4" t="s"><v>10</v></c></row>"#
        + #"<row r="5"><c r="B5"><v>108.42</v></c><c r="C5" t="s"><v>12</v></c><c r="D5" t="s"><v>11</v></c>"#
        + #"<c r="E5" t="s"><v>13</v></c><c r="F5"><v>2015</v></c><c r="G5" t="b"><v>1</v></c>"#
        + #"<c r="H5" t="inlineStr"><is><t>Ялгаварлан гадуурхалтын эсрэг иж бүрэн хууль батлагдсан байх</t></is></c>"#
        + #"<c r="I5" t="s"><v>14</v></c><c r="J5" s="3"><v>42735</v></c>"#
        + #"<c r="K5" t="str"><f>"Ministry of "&amp;"Justice"</f><v>Ministry of Justice</v></c></row>"#
        + #"<row r="7"><c r="B7" s="1"><v>108.1</v></c><c r="C7" t="s"><v>1</v></c></row>"#
        + #"<row r="8"><c r="B8" s="2"><v>108.10000000000001</v></c></row>"#
        + #"<row r="9"><c r="B9"><v>108.42000000000002</v></c><c r="L9"><v>7</v></c></row>"#
        + #"<row r="10"><c r="B10" s="1"/><c r="C10"/></row>"#

    @Test("XLSX saved by Excel: shared strings, rich text, numbers, dates, formulas, offset columns")
    func excelXLSX() throws {
        let data = Self.excelWorkbook(
            sheets: [("Plan", Self.excelSheet(rows: Self.excelMatrixRows))],
            sharedStrings: Self.excelSharedStrings, styles: Self.excelStyles)
        let document = try #require(readMatrix(data, "plan.xlsx"))
        #expect(document.title == "Implementation plan – Mongolia")
        #expect(
            document.rows == [
                MatrixRow(
                    recNumber: "108.42", recommendingStates: "Czech Republic",
                    recommendation:
                        "Adopt a comprehensive law against discrimination on all grounds, including legal protection "
                        + "of victims",
                    response: "Accepted", otherMechanismsNational: "2015", otherMechanismsInternational: "TRUE",
                    goal: "Ялгаварлан гадуурхалтын эсрэг иж бүрэн хууль батлагдсан байх",
                    expectedAction: "Draft the law\nby 2017", indicators: "2016-12-31",
                    responsibleBody: "Ministry of Justice"),
                MatrixRow(recNumber: "108.10", recommendingStates: "RS"),
                MatrixRow(recNumber: "108.100"),
                MatrixRow(recNumber: "108.42"),
            ])
    }

    @Test("a cell that refers to a shared string the workbook lacks is an error, not a lost cell")
    func missingSharedString() throws {
        let data = Self.excelWorkbook(
            sheets: [("Plan", Self.excelSheet(rows: Self.excelMatrixRows))],
            sharedStrings: Array(Self.excelSharedStrings.prefix(12)), styles: Self.excelStyles)
        let error = try #require(readError(data, "plan.xlsx"))
        #expect(
            error.message == "the workbook is damaged: cell B1 refers to a shared string the workbook does not have")
    }

    @Test("a workbook whose first sheet is instructions: the sheet with the matrix is read")
    func secondSheet() throws {
        let instructions = Self.excelSheet(
            rows: #"<row r="1"><c r="A1" t="inlineStr"><is><t>Fill in one row per recommendation</t></is></c></row>"#)
        let data = Self.excelWorkbook(
            sheets: [("Instructions", instructions), ("Plan", Self.excelSheet(rows: Self.excelMatrixRows))],
            sharedStrings: Self.excelSharedStrings, styles: Self.excelStyles)
        let document = try #require(readMatrix(data, "plan.xlsx"))
        #expect(document.rows.count == 4)
    }
}
