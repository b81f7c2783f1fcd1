import Foundation
import Testing
import UPRDomain
import UPRImport

/// The XLSX that UHRI's "Export" gives, read by header name with every quirk of the real file.
@Suite("UHRI workbook")
struct UHRIWorkbookParserTests {
    typealias Builder = UHRIWorkbookBuilder

    static let fixture: ParsedFile = {
        do {
            return try UHRIWorkbookParser.parse(data: Fixtures.data("uhri/mongolia-uhri.xlsx"), fileName: "uhri.xlsx")
        } catch {
            fatalError("the committed UHRI workbook did not parse: \(error)")
        }
    }()

    private func parse(_ rows: [[Builder.Cell?]]) throws(ImportError) -> ParsedFile {
        try UHRIWorkbookParser.parse(data: Builder.workbook(rows), fileName: "export.xlsx")
    }

    private func parseError(_ rows: [[Builder.Cell?]]) -> ImportError? {
        do {
            _ = try parse(rows)
            return nil
        } catch {
            return error
        }
    }

    // MARK: - The committed export

    @Test("the fixture's 40 rows become 40 records, with nothing to warn about")
    func fixtureCounts() {
        let parsed = Self.fixture
        #expect(parsed.format == .uhriXLSX)
        #expect(parsed.rowCount == 40)
        #expect(parsed.records.count == 40)
        #expect(parsed.warnings == [])
        #expect(parsed.records.filter { $0.mechanism == .upr }.count == 20)
    }

    @Test("a UPR row: paragraph split off the text, session, dates from serials, every list and marker read")
    func uprRow() throws {
        let record = try #require(Self.fixture.records.first)
        #expect(record.paragraph == "84.1")
        #expect(
            record.text
                == "Ratify, at the earliest possible date, the International Convention for the Protection of All "
                + "Persons from Enforced Disappearance")
        #expect(record.stateUnderReview == "Mongolia")
        #expect(record.statesConcerned == ["Mongolia"])
        #expect(record.session == 9)
        #expect(record.cycle == 1)
        #expect(record.reportSymbol == "A/HRC/16/5")
        #expect(record.mechanism == .upr)
        #expect(record.recommendingBody == "UPR")
        #expect(record.recommendingStates == ["France"])
        #expect(record.response == .supported)
        #expect(record.positionAsGiven == "Supported")
        #expect(record.kind == .recommendation)
        #expect(record.annotationType == .recommendation)
        #expect(record.annotationID?.value == "6f1c2a9e-0b4d-4c7e-9a3b-5d7f01000193")
        #expect(
            record.themes == [
                OHCHRTheme(code: "D32", name: "Enforced disappearances"),
                OHCHRTheme(code: "A12", name: "Acceptance of international norms"),
            ])
        #expect(record.affectedPersons == ["general"])
        #expect(record.sdgTargets.map(\.code) == ["16.3"])
        #expect(record.sdgs == [16])
        #expect(record.publicationDate == CalendarDay("2011-01-04"))
        #expect(record.indexedDate == CalendarDay("2021-06-15"))
        #expect(record.regionsConcerned == ["Asia-Pacific States"])
        #expect(record.provenance == [Provenance(file: "uhri.xlsx", row: 2)])
        #expect(record.naturalKey == "Mongolia|s9|para:84.1")
    }

    @Test("a joint recommendation lists every recommending state, one per line of the cell")
    func jointRecommendation() throws {
        let record = try #require(Self.fixture.records.first { $0.paragraph == "84.7" })
        #expect(record.recommendingStates == ["Brazil", "Spain"])
    }

    @Test("noted recommendations keep their position")
    func noted() {
        let noted = Self.fixture.records.filter { $0.response == .noted }.compactMap(\.paragraph)
        #expect(noted == ["86.1", "86.2", "86.3"])
    }

    @Test("concerns and observations are kept as their own kind, never as recommendations")
    func concerns() {
        let concerns = Self.fixture.records.filter(\.isConcern)
        #expect(concerns.count == 4)
        #expect(Set(concerns.map(\.mechanism)) == [.cedaw, .cat, .ccpr, .specialProcedures])
        for concern in concerns {
            #expect(concern.annotationType == .concernObservation)
            #expect(concern.response == .pending)
            #expect(concern.naturalKey.contains("|concern|"))
        }
        let cedaw = concerns.first { $0.mechanism == .cedaw }
        #expect(cedaw?.paragraph == "12")
        #expect(cedaw?.text.hasPrefix("The Committee notes with concern") == true)
    }

    @Test("treaty bodies map to their mechanism; the CRC's optional protocol to the CRC, its name kept")
    func treatyBodies() {
        let records = Self.fixture.records
        let mechanisms = Set(records.map(\.mechanism))
        #expect(mechanisms == [.upr, .cedaw, .cat, .spt, .crc, .ccpr, .cescr, .cerd, .crpd, .specialProcedures])
        let optionalProtocol = records.first { $0.recommendingBody == "CRC-OP-SC" }
        #expect(optionalProtocol?.mechanism == .crc)
        #expect(optionalProtocol?.reportSymbol == "CRC/C/OPSC/MNG/CO/1")
        let cat = records.first { $0.reportSymbol == "CAT/C/MNG/CO/2" && !$0.isConcern }
        #expect(cat?.paragraph == "10")
        #expect(cat?.session == nil)
        #expect(cat?.cycle == nil)
        #expect(cat?.recommendingStates == [])
        #expect(cat?.response == .pending)
        #expect(records.first { $0.reportSymbol == "E/C.12/MNG/CO/4" }?.mechanism == .cescr)
        #expect(records.first { $0.reportSymbol == "CAT/OP/MNG/1" }?.mechanism == .spt)
    }

    @Test("special procedures keep their mandate; a mission report's text has no paragraph number")
    func specialProcedures() {
        let bodies = Self.fixture.records.filter { $0.mechanism == .specialProcedures }.compactMap(\.recommendingBody)
        #expect(
            Set(bodies) == [
                "SR on torture", "SR on extreme poverty and human rights",
                "SR on the situation of human rights defenders", "WG on business and human rights",
                "IE on the enjoyment of all human rights by older persons",
            ])
        let torture = Self.fixture.records.first { $0.recommendingBody == "SR on torture" }
        #expect(torture?.paragraph == nil)
        #expect(torture?.text.hasPrefix("The Government should ensure") == true)
    }

    @Test("SDG targets of several goals, with their goals")
    func sdgTargets() throws {
        let trafficking = try #require(Self.fixture.records.first { $0.paragraph == "84.23" })
        #expect(trafficking.sdgTargets.map(\.code) == ["5.2", "8.7", "16.2"])
        #expect(trafficking.sdgs == [5, 8, 16])
        let lettered = try #require(Self.fixture.records.first { $0.paragraph == "84.2" })
        #expect(lettered.sdgTargets.map(\.code) == ["16.3", "16.a"])
    }

    // MARK: - Quirks, one at a time

    @Test("OHCHR's misspelt headings and the corrected spelling read the same")
    func typoAndCorrectedSpelling() throws {
        var corrected = Builder.headings
        corrected[2] = "Recommending Body"
        corrected[8] = "UPR Recommending States"
        let typo = try parse([Builder.headings, Builder.uprRow()])
        let fixed = try parse([corrected, Builder.uprRow()])
        #expect(typo.records == fixed.records)
        #expect(fixed.warnings == [])
        #expect(fixed.records.first?.recommendingStates == ["France"])
        #expect(fixed.records.first?.mechanism == .upr)
        // A message names the column as the file spells it.
        var unknownBody = Builder.uprRow()
        unknownBody[2] = "- Committee of Ministers"
        unknownBody[3] = "- CM/Rec(2010)5"
        #expect(parseError([corrected, unknownBody])?.column == "Recommending Body")
        #expect(parseError([Builder.headings, unknownBody])?.column == "Reccomending Body")
    }

    @Test("columns are found by heading, in any order")
    func anyColumnOrder() throws {
        let inOrder = try parse([Builder.headings, Builder.uprRow()])
        let order = Array(Builder.headings.indices.reversed())
        let reversed = try parse([order.map { Builder.headings[$0] }, order.map { Builder.uprRow()[$0] }])
        #expect(inOrder.records == reversed.records)
    }

    @Test("a column that is not UHRI's is named in the warnings, and so is a repeated one")
    func unknownColumn() throws {
        let parsed = try parse([
            Builder.headings + ["Comments", "Text"], Builder.uprRow() + ["- checked by the secretariat", "- other"],
        ])
        #expect(
            parsed.warnings == [
                "column Q (“Comments”) is not a UHRI column and was ignored",
                "column R (“Text”) repeats a column already read and was ignored",
            ])
        #expect(parsed.records.first?.paragraph == "84.1")
    }

    @Test("values with and without the leading “- ”, list cells split at LF, CRLF or CR")
    func markersAndLineBreaks() throws {
        var row = Builder.uprRow(id: "6F1C2A9E-0B4D-4C7E-9A3B-5D7F01000193", session: "9 Session")
        row[1] = "Mongolia"
        row[4] = "- D32 Enforced disappearances\r\n-   A12 Acceptance of international norms\r- \n"
        row[8] = "- France\n\n- Spain"
        let record = try #require(try parse([Builder.headings, row]).records.first)
        #expect(record.stateUnderReview == "Mongolia")
        #expect(record.themes.map(\.name) == ["Enforced disappearances", "Acceptance of international norms"])
        #expect(record.recommendingStates == ["France", "Spain"])
        #expect(record.session == 9)
        #expect(record.annotationID?.value == "6f1c2a9e-0b4d-4c7e-9a3b-5d7f01000193")
    }

    @Test("a paragraph number ends at the first space; numbers in the sentence are not paragraphs")
    func paragraphNumbers() throws {
        let cases: [(String, String?, String)] = [
            ("- 186.28 Continue its efforts to combat poverty", "186.28", "Continue its efforts to combat poverty"),
            ("- 25. The Committee recommends", "25", "The Committee recommends"),
            ("- 84.1. Ratify the Convention", "84.1", "Ratify the Convention"),
            ("- 2030 Agenda targets should guide the plan", nil, "2030 Agenda targets should guide the plan"),
            ("- (a) Adopt a law", nil, "(a) Adopt a law"),
        ]
        for (index, (cell, paragraph, text)) in cases.enumerated() {
            let id = String(format: "6F1C2A9E-0B4D-4C7E-9A3B-5D7F%08X", index)
            let record = try #require(try parse([Builder.headings, Builder.uprRow(text: cell, id: id)]).records.first)
            #expect(record.paragraph == paragraph, "\(cell)")
            #expect(record.text == text, "\(cell)")
        }
    }

    @Test("a session such as “31 Session” is session 31 of cycle 3")
    func sessionNumber() throws {
        let record = try #require(try parse([Builder.headings, Builder.uprRow(session: "- 31 Session")]).records.first)
        #expect(record.session == 31)
        #expect(record.cycle == 3)
    }

    @Test("a date already shown as a day (a re-saved workbook) reads too")
    func isoDate() throws {
        let record = try #require(try parse([Builder.headings, Builder.uprRow(published: "2011-01-04")]).records.first)
        #expect(record.publicationDate == CalendarDay("2011-01-04"))
    }

    @Test("special-procedure mandates beginning SR, IE or WG")
    func mandates() throws {
        let bodies = ["SR on torture", "IE on sexual orientation and gender identity", "WG on Arbitrary Detention"]
        for (index, body) in bodies.enumerated() {
            var row = Builder.uprRow(id: String(format: "6F1C2A9E-0B4D-4C7E-9A3B-5D7F%08X", index))
            row[2] = .text("- " + body)
            row[3] = "- A/HRC/40/59/Add.1"
            let record = try #require(try parse([Builder.headings, row]).records.first)
            #expect(record.mechanism == .specialProcedures)
            #expect(record.recommendingBody == body)
            // The UPR's fields mean nothing for a special procedure.
            #expect(record.session == nil)
            #expect(record.response == .pending)
        }
    }

    @Test("a repeated annotation id is skipped and named in the warnings")
    func duplicateID() throws {
        let parsed = try parse([
            Builder.headings, Builder.uprRow(), Builder.uprRow(id: "6f1c2a9e0b4d4c7e9a3b5d7f01000193"),
        ])
        #expect(parsed.records.count == 1)
        #expect(parsed.rowCount == 2)
        #expect(
            parsed.warnings == [
                "row 3: annotation 6f1c2a9e-0b4d-4c7e-9a3b-5d7f01000193 appears again (first at row 2); the repeat "
                    + "was skipped"
            ])
    }

    @Test("an SDG target that is none of the 169 is named in the warnings, not taken for its goal")
    func unknownTarget() throws {
        var row = Builder.uprRow()
        row[6] = "- 16.99 - Not a target\n- 5 - Gender equality"
        let parsed = try parse([Builder.headings, row])
        #expect(parsed.records.first?.sdgTargets == [])
        #expect(parsed.records.first?.sdgs == [5])
        #expect(parsed.warnings == ["row 2: unknown SDG target “16.99 - Not a target”, not read"])
    }

    @Test("a UPR position that is neither supported nor noted is kept as given, the response pending")
    func unknownPosition() throws {
        var row = Builder.uprRow()
        row[9] = "- Supported in part"
        let parsed = try parse([Builder.headings, row])
        #expect(parsed.records.first?.response == .pending)
        #expect(parsed.records.first?.positionAsGiven == "Supported in part")
        #expect(parsed.warnings.count == 1)
    }

    // MARK: - Errors

    @Test("a malformed GUID is an error naming the row and the column")
    func malformedGUID() {
        let error = parseError([Builder.headings, Builder.uprRow(), Builder.uprRow(id: "- 6F1C2A9E-0B4D-4C7E-9A3B")])
        #expect(
            error
                == ImportError(
                    file: "export.xlsx", row: 3, column: "OHCHR Annotation Id",
                    message:
                        "“6F1C2A9E-0B4D-4C7E-9A3B” is not a GUID; expected 32 hexadecimal digits grouped 8-4-4-4-12, "
                        + "such as “1b4e28ba-2fa1-11d2-883f-0016d3cca427”"))
        #expect(
            parseError([Builder.headings, Builder.uprRow(id: "")])?.message.hasPrefix("the annotation id is empty")
                == true)
    }

    @Test("a date that is not a serial number is an error naming the row and the column")
    func dateNotASerial() {
        let error = parseError([Builder.headings, Builder.uprRow(published: "March 2011")])
        #expect(error?.row == 2)
        #expect(error?.column == "Document Publication Date")
        #expect(
            error?.message
                == "“March 2011” is not a date; expected an Excel date serial number (such as 43525 for 2019-03-01) "
                + "or a YYYY-MM-DD date")
        #expect(parseError([Builder.headings, Builder.uprRow(published: 12)])?.column == "Document Publication Date")
    }

    @Test("a header without Text names the missing column and what the first row has")
    func missingText() {
        let error = parseError([Array(Builder.headings.dropFirst()), Array(Builder.uprRow().dropFirst())])
        #expect(error?.row == 1)
        #expect(error?.column == "Text")
        #expect(
            error?.message.hasPrefix("required column missing from the header row; expected Text, Countries") == true)
        #expect(error?.message.contains("(the first row has Countries Concerned, Reccomending Body,") == true)
    }

    @Test("an empty sheet")
    func emptySheet() {
        #expect(parseError([])?.message.hasPrefix("the sheet is empty; a UHRI export has a header row") == true)
        // A header alone is an export with no records.
        #expect((try? parse([Builder.headings]))?.records.count == 0)
    }

    @Test("an unknown type and an unknown body are errors naming their column")
    func unknownTypeAndBody() {
        var row = Builder.uprRow()
        row[10] = "- Pledges"
        #expect(parseError([Builder.headings, row])?.column == "Type")
        row = Builder.uprRow()
        row[2] = "- Council of Europe"
        row[3] = "- CM/Rec(2010)5"
        let error = parseError([Builder.headings, row])
        #expect(error?.column == "Reccomending Body")
        #expect(error?.message.hasPrefix("unknown body “Council of Europe”; expected UPR, a treaty body") == true)
    }

    @Test("an unknown body with a treaty body's symbol takes the mechanism from the symbol, with a warning")
    func bodyFromSymbol() throws {
        var row = Builder.uprRow()
        row[2] = "- Committee (CEDAW)"
        row[3] = "- CEDAW/C/MNG/CO/8-9"
        let parsed = try parse([Builder.headings, row])
        #expect(parsed.records.first?.mechanism == .cedaw)
        #expect(parsed.warnings.count == 1)
    }

    @Test("a file that is not a workbook, and an empty one")
    func notAWorkbook() {
        for data in [Data("Text,Type\n".utf8), Data()] {
            do {
                _ = try UHRIWorkbookParser.parse(data: data, fileName: "export.xlsx")
                Issue.record("parsed")
            } catch {
                #expect(error.file == "export.xlsx")
                #expect(!error.message.isEmpty)
            }
        }
    }

    @Test("a workbook that counts dates from 1904 gives the same days as one that counts from 1900")
    func datesOfA1904Workbook() throws {
        // 2011-01-04 is serial 40547 from 1900 and 39085 from 1904; 2021-06-15 is 44362 and 42900.
        var row = UHRIWorkbookBuilder.uprRow(published: 39085)
        row[15] = 42900
        let data = UHRIWorkbookBuilder.workbook([UHRIWorkbookBuilder.headings, row], date1904: true)
        let record = try #require(try UHRIWorkbookParser.parse(data: data, fileName: "mac.xlsx").records.first)
        #expect(record.publicationDate == CalendarDay("2011-01-04"))
        #expect(record.indexedDate == CalendarDay("2021-06-15"))
        let unshifted = UHRIWorkbookBuilder.workbook([UHRIWorkbookBuilder.headings, row])
        let misread = try #require(try UHRIWorkbookParser.parse(data: unshifted, fileName: "pc.xlsx").records.first)
        #expect(misread.publicationDate == CalendarDay("2007-01-03"), "without the flag the serial is 1900-based")
    }
}
