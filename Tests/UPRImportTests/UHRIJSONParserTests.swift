import Foundation
import Testing
import UPRDomain
import UPRImport

/// UHRI's JSON export: the same records as the workbook, HTML texts, and the faults of a file read as a stream.
@Suite("UHRI JSON")
struct UHRIJSONParserTests {
    static let fixtureData = Fixtures.data("uhri/mongolia-uhri.json")

    private func parse(_ json: String, chunkSize: Int = UHRIJSONParser.chunkSize) throws(ImportError) -> ParsedFile {
        try UHRIJSONParser.parse(data: Data(json.utf8), fileName: "export.json", chunkSize: chunkSize)
    }

    private func parseError(_ json: String) -> ImportError? {
        do {
            _ = try parse(json)
            return nil
        } catch {
            return error
        }
    }

    /// One record in the export's shape; `fields` replaces or adds members (a JSON value's text).
    private func record(_ fields: [String: String] = [:], dropping: Set<String> = []) -> String {
        var members: [(String, String)] = [
            ("AnnotationId", #""6f1c2a9e-0b4d-4c7e-9a3b-5d7f01000193""#),
            ("AnnotationType", #""Recommendations""#), ("Body", #""UPR""#), ("Countries", #"["Mongolia"]"#),
            ("Symbol", #""A/HRC/16/5""#),
            (
                "Text",
                #""<p>84.1&nbsp;Ratify, at the earliest possible date, the International Convention for the "#
                    + #"Protection of All Persons from Enforced Disappearance</p>""#
            ),
            ("Themes", #"["D32 Enforced disappearances", "A12 Acceptance of international norms"]"#),
            ("AffectedPersons", #"["general"]"#),
            ("Sdgs", #"["16.3 - Promote the rule of law at the national and international levels"]"#),
            ("PublicationDate", #""2011-01-04T00:00:00""#), ("PublicationDateOnUhri", #""2021-06-15T00:00:00""#),
            ("Regions", #"["Asia-Pacific States"]"#), ("UprCycle", #""1st cycle""#), ("UprSession", #"["9 Session"]"#),
            ("UprPositions", #"["Supported"]"#), ("UprRecommendingCountry", #"["France"]"#),
            ("UprRecommendingRegions", #"["Western European and other States"]"#),
        ]
        members = members.filter { !dropping.contains($0.0) }.map { ($0.0, fields[$0.0] ?? $0.1) }
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) where !members.contains(where: { $0.0 == key }) {
            members.append((key, value))
        }
        return "{" + members.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    // MARK: - The committed export

    @Test("the JSON fixture gives the same 40 records as the workbook, but for where each was read")
    func sameRecordsAsTheWorkbook() throws {
        let json = try UHRIJSONParser.parse(data: Self.fixtureData, fileName: "uhri.json")
        #expect(json.format == .uhriJSON)
        #expect(json.rowCount == 40)
        #expect(json.warnings == [])
        let workbook = UHRIWorkbookParserTests.fixture.records
        #expect(json.records.count == workbook.count)
        for (index, (fromJSON, fromWorkbook)) in zip(json.records, workbook).enumerated() {
            var expected = fromWorkbook
            expected.provenance = [Provenance(file: "uhri.json", row: index + 1)]
            #expect(fromJSON == expected)
        }
    }

    @Test("a record's fields: HTML text with references, the cycle given, positions, dates from ISO days")
    func oneRecord() throws {
        let record = try #require(try parse("[" + record() + "]").records.first)
        #expect(record.paragraph == "84.1")
        #expect(record.text.hasPrefix("Ratify, at the earliest possible date,"))
        #expect(record.session == 9)
        #expect(record.cycle == 1)
        #expect(record.response == .supported)
        #expect(record.publicationDate == CalendarDay("2011-01-04"))
        #expect(record.indexedDate == CalendarDay("2021-06-15"))
        #expect(record.provenance == [Provenance(file: "export.json", row: 1)])
    }

    @Test("HTML in Text: tags dropped, paragraphs and breaks kept as lines, references decoded")
    func htmlText() throws {
        let html =
            #""<p>- 186.28&nbsp;Continue its efforts <strong>to combat</strong> poverty &amp; hunger&hellip;</p>"#
            + #"<!-- an editor's note --><p>Ensure the “rule of law”<br/>in&#160;rural areas &#x2014; "#
            + #"A &lt; B, caf&eacute; &bogus; <span class=\"x > y\">today</span></p>""#
        let record = try #require(try parse("[" + record(["Text": html]) + "]").records.first)
        #expect(record.paragraph == "186.28")
        #expect(
            record.text
                == "Continue its efforts to combat poverty & hunger…\nEnsure the “rule of law”\nin rural areas — "
                + "A < B, café &bogus; today")
    }

    @Test("concerns and observations are kept as their own kind")
    func concerns() throws {
        let json = "[" + record(["AnnotationType": #""Concerns/Observations""#, "UprPositions": "[]"]) + "]"
        let record = try #require(try parse(json).records.first)
        #expect(record.isConcern)
        #expect(record.response == .pending)
    }

    @Test("a special procedure's mandate, and a body given as an array or null")
    func mandate() throws {
        let json = "[" + record(["Body": #""SR on torture""#, "Symbol": #""E/CN.4/2006/6/Add.4""#]) + "]"
        let record = try #require(try parse(json).records.first)
        #expect(record.mechanism == .specialProcedures)
        #expect(record.recommendingBody == "SR on torture")
        let fromSymbol = try parse("[" + self.record(["Body": "null", "Symbol": #""CAT/C/MNG/CO/2""#]) + "]")
        #expect(fromSymbol.records.first?.mechanism == .cat)
    }

    @Test("a member the reader does not know is named in the warnings, once for all records")
    func unknownField() throws {
        let second = record(["AnnotationId": #""6f1c2a9e-0b4d-4c7e-9a3b-5d7f02000326""#, "Extra": "1"])
        let parsed = try parse("[" + record(["Extra": #""x""#]) + ", " + second + "]")
        #expect(parsed.records.count == 2)
        #expect(parsed.warnings == ["records 1, 2: field “Extra” is not a UHRI field and was ignored"])
    }

    @Test("an empty array is an export with no records; a byte order mark is allowed")
    func emptyArrayAndByteOrderMark() throws {
        #expect(try parse(" [ ] ").records.isEmpty)
        #expect(try parse("\u{FEFF}[" + record() + "]").records.count == 1)
    }

    @Test("every chunk size reads the same records, whatever the boundaries split")
    func chunkBoundaries() throws {
        let whole = try UHRIJSONParser.parse(data: Self.fixtureData, fileName: "uhri.json").records
        for chunkSize in [1, 2, 3, 7, 64, 1000, 4096] {
            let chunked = try UHRIJSONParser.parse(data: Self.fixtureData, fileName: "uhri.json", chunkSize: chunkSize)
            #expect(chunked.records == whole, "chunk size \(chunkSize)")
        }
    }

    // MARK: - Errors

    @Test("a JSON cut off in the middle names the record, the field and what was expected")
    func cutInTheMiddle() throws {
        let text = String(decoding: Self.fixtureData, as: UTF8.self)
        // Inside the Text of the 20th record.
        let twentieth = try #require(text.range(of: "86.3&nbsp;Mandate the Constitutional Court"))
        let cut = String(text[..<twentieth.upperBound])
        let error = try #require(parseError(cut))
        #expect(error.file == "export.json")
        #expect(error.record == 20)
        #expect(error.column == "Text")
        #expect(
            error.message
                == "the file ends inside record 20 in “Text” (is the file cut short?): expected the end of a string "
                + "(a closing “\"”)")
        #expect(
            error.description
                == "export.json, record 20, field Text: the file ends inside record 20 in “Text” (is the file cut "
                + "short?): expected the end of a string (a closing “\"”)")

        // Between two records, and after the last one.
        let afterComma = try #require(parseError("[" + record() + ", "))
        #expect(afterComma.record == 2)
        #expect(
            afterComma.message
                == "the file ends after the “,” after record 1; expected record 2 (is the file cut short?)")
        let unclosed = try #require(parseError("[" + record()))
        #expect(unclosed.record == 1)
        #expect(unclosed.message == "the file ends after record 1; expected “,” or “]” (is the file cut short?)")
        // Between a key and its value.
        let midMember = try #require(parseError(#"[{"AnnotationId": "#))
        #expect(midMember.record == 1)
        #expect(midMember.column == "AnnotationId")
        #expect(midMember.message.hasSuffix("expected a value"))
    }

    @Test("every cut of a record is an error, never a record or a trap")
    func everyCut() {
        let json = "[" + record() + "]"
        let bytes = Array(json.utf8)
        for length in 0..<bytes.count {
            do {
                _ = try UHRIJSONParser.parse(data: Data(bytes[0..<length]), fileName: "cut.json", chunkSize: 16)
                Issue.record("a cut at byte \(length) parsed")
            } catch {
                #expect(error.file == "cut.json")
                #expect(length == 0 || error.record == 1, "cut at \(length): \(error)")
            }
        }
    }

    @Test("a malformed GUID names the record and the field")
    func malformedGUID() {
        let error = parseError("[" + record(["AnnotationId": #""not-a-guid""#]) + "]")
        #expect(error?.record == 1)
        #expect(error?.row == nil)
        #expect(error?.column == "AnnotationId")
        #expect(error?.message.hasPrefix("“not-a-guid” is not a GUID") == true)
    }

    @Test("a date that is not ISO 8601, a session that is no number, a missing Text")
    func fieldErrors() {
        let date = parseError("[" + record(["PublicationDate": #""04/01/2011""#]) + "]")
        #expect(date?.column == "PublicationDate")
        #expect(
            date?.message
                == "“04/01/2011” is not a date; expected an ISO 8601 date (such as 2019-03-01 or 2019-03-01T00:00:00)")
        #expect(parseError("[" + record(["UprSession": #"["Ninth"]"#]) + "]")?.column == "UprSession")
        let text = parseError("[" + record(dropping: ["Text"]) + "]")
        #expect(text?.column == "Text")
        #expect(text?.message == "the text is empty")
    }

    @Test("syntax errors name the record: a missing comma, a value of the wrong kind, a record that is no object")
    func syntaxErrors() {
        let missingComma = parseError("[" + record() + " " + record() + "]")
        #expect(missingComma?.record == 1)
        #expect(missingComma?.message == "expected “,” or “]” after record 1, found “{”")
        let object = parseError("[" + record(["Themes": #"[{"code": "D32"}]"#]) + "]")
        #expect(object?.column == "Themes")
        #expect(object?.message == "expected strings, found an object")
        let notObject = parseError("[" + record() + #", "text"]"#)
        #expect(notObject?.record == 2)
        #expect(notObject?.message.hasSuffix("found a string") == true)
        let badMember = parseError(#"[{"AnnotationId" "x"}]"#)
        #expect(badMember?.message == "expected “:” after the member name “AnnotationId”, found “\"”")
        #expect(parseError(#"{"AnnotationId": "x"}"#)?.message == "expected a JSON array (“[”) at the start, found “{”")
        #expect(parseError("[" + record() + "] trailing")?.message.hasPrefix("text after the end of the array") == true)
    }

    @Test("an empty file, and one that is not UTF-8")
    func emptyAndNotUTF8() {
        do {
            _ = try UHRIJSONParser.parse(data: Data(), fileName: "export.json")
            Issue.record("parsed")
        } catch {
            #expect(error == ImportError(file: "export.json", message: "the file is empty"))
        }
        // U+FFFD is EF BF BD in UTF-8; a Latin-1 "é" (E9) in its place is not UTF-8.
        var bytes = Array(("[" + record(["Body": "\"UPR \u{FFFD}\""]) + "]").utf8)
        if let index = bytes.firstIndex(of: 0xEF) {
            bytes.replaceSubrange(index...index + 2, with: [0xE9, 0x20, 0x20])
        }
        do {
            _ = try UHRIJSONParser.parse(data: Data(bytes), fileName: "latin1.json")
            Issue.record("parsed")
        } catch {
            #expect(error.column == "Body")
            #expect(error.message == "expected UTF-8 text in a string, found bytes that are not UTF-8")
        }
    }
}
