import Foundation
import Testing
import UPRFileFormats
import UPRImport
import UPRTestSupport

/// Broken Word files give errors naming the file and, where there is one, the row and paragraph.
@Suite("Thematic list errors")
struct OHCHRErrorTests {
    private let header = [["Recommendation"], ["Position"], ["Full list of themes"]]

    private func error(_ data: Data, _ name: String = "list.docx") -> ImportError? {
        do {
            _ = try Importer.parse(data: data, fileName: name)
            return nil
        } catch {
            return error
        }
    }

    @Test("a small list built in the test parses, with the review read from its page header")
    func builtList() throws {
        let data = DocxBuilder.document(rows: [
            header,
            [["Theme: D29 Domestic violence"]],
            [
                [
                    "115.3 Criminalise domestic violence (Portugal, Slovakia);",
                    "Source of Position: A/HRC/1/2/Add.1 - Para. 3",
                ],
                ["Supported"], ["D29 Domestic violence", "Affected persons:", "- women\n- girls"],
            ],
            [
                ["115.4 Adopt a plan (Chile);"], ["Noted"],
                ["- F13 Violence against women", "SDGs:", "- 5 - GENDER EQUALITY"],
            ],
            // The same paragraph under a second theme merges into one record.
            [
                ["115.3 Criminalise domestic violence (Portugal, Slovakia);"], ["Supported"],
                ["F13 Violence against women"],
            ],
            [["Note: see the annex"], ["x"], [""]],
        ])
        let parsed = try Importer.parse(data: data, fileName: "testland.docx")
        #expect(parsed.records.count == 2)
        let first = parsed.records[0]
        #expect(first.stateUnderReview == "Testland")
        #expect((first.session, first.cycle) == (30, 3))
        #expect(first.reportSymbol == "A/HRC/1/2")
        #expect(first.affectedPersons == ["women", "girls"])
        #expect(first.themes.map(\.code) == ["D29", "F13"])
        #expect(first.provenance.map(\.row) == [3, 5])
        let second = parsed.records[1]
        #expect(second.sdgs == [5])
        #expect(second.themes.map(\.code) == ["F13", "D29"])
        #expect(second.responseSource == nil && second.reportSymbol == "A/HRC/1/2")
        #expect(parsed.rowCount == 6)
        #expect(
            parsed.warnings == [
                "paragraph 115.4: no source of position",
                "table row 6: not a recommendation, a theme heading or a header; skipped",
            ])
    }

    @Test("a recommendation without a position")
    func noPosition() {
        let data = DocxBuilder.document(rows: [header, [["115.3 Ratify the Convention (Portugal);"], [""], ["A12 X"]]])
        #expect(
            error(data)
                == ImportError(
                    file: "list.docx", row: 2, paragraph: "115.3", column: "Position",
                    message: "the recommendation has no position; expected Supported or Noted"))
    }

    @Test("an unknown position")
    func unknownPosition() {
        let data = DocxBuilder.document(rows: [header, [["115.9. Ratify (Chile);"], ["Maybe later"], ["A12 X"]]])
        #expect(
            error(data)?.description
                == "list.docx, row 2, paragraph 115.9, column Position: unknown position “Maybe later”; expected "
                + "Supported or Noted")
    }

    @Test("a real list whose positions are blanked names its first recommendation")
    func realListWithoutPositions() throws {
        let original = Fixtures.data("slovenia-cycle2-session20.docx")
        let zip = try ZipReader(original)
        let entries = try zip.paths.map { path in
            var data = try zip.data(of: path)
            if path == "word/document.xml" {
                let xml = String(decoding: data, as: UTF8.self)
                data = Data(xml.replacingOccurrences(of: ">Supported<", with: "><").utf8)
            }
            return (path: path, data: data)
        }
        #expect(
            error(StoredZip.archive(entries), "slovenia.docx")
                == ImportError(
                    file: "slovenia.docx", row: 3, paragraph: "115.1", column: "Position",
                    message: "the recommendation has no position; expected Supported or Noted"))
    }

    @Test("a Word document without a table")
    func noTable() {
        let data = DocxBuilder.package(body: "<w:p><w:r><w:t>Just a letter.</w:t></w:r></w:p>")
        #expect(
            error(data)
                == ImportError(
                    file: "list.docx",
                    message: "no table of recommendations found (no table row starts with a paragraph number such as "
                        + "“115.3”)"))
        // A table that holds no recommendations is no better.
        let other = DocxBuilder.document(rows: [[["Name"], ["Phone"]], [["Ann"], ["123"]]])
        #expect(error(other)?.message.hasPrefix("no table of recommendations found") == true)
    }

    @Test("a zip without word/document.xml")
    func noDocumentPart() {
        let data = StoredZip.archive([("content.xml", Data("<x/>".utf8))])
        #expect(
            error(data)
                == ImportError(
                    file: "list.docx",
                    message: "a zip archive without word/document.xml, so not a Word document: not a UPR Info export, "
                        + "an OHCHR thematic list or a UHRI export (XLSX or JSON)"))
        #expect(error(data)?.description.hasPrefix("list.docx: a zip archive without word/document.xml") == true)
    }

    @Test("document.xml that is not well-formed XML")
    func malformedXML() throws {
        let data = StoredZip.archive([("word/document.xml", Data("<w:document><w:body><w:tbl><w:tr>".utf8))])
        let failure = try #require(error(data))
        #expect(failure.file == "list.docx")
        #expect(failure.message.hasPrefix("word/document.xml at line 1: not well-formed XML ("))
        let mismatched = StoredZip.archive([("word/document.xml", Data("<a>\n<b></a>".utf8))])
        #expect(
            error(mismatched)?.message
                == "word/document.xml at line 2: not well-formed XML (a closing tag does not match its opening tag)")
    }

    @Test("a byte that is not UTF-8 inside a tag name is an error, not a trap in FoundationXML")
    func invalidUTF8InName() {
        var xml = Array("<w:document xmlns:w=\"\(DocxBuilder.namespace)\"><w:body><w:tbl><w:tr><w".utf8)
        xml += [0xE7] + Array("tc></w:tr></w:tbl></w:body></w:document>".utf8)
        let data = StoredZip.archive([("word/document.xml", Data(xml))])
        #expect(
            error(data)
                == ImportError(
                    file: "list.docx",
                    message: "word/document.xml: not readable XML (it holds bytes that are not UTF-8 characters)"))
    }

    @Test("entity definitions (an exponential-expansion attack) are refused before parsing")
    func entityExpansion() {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\">"
        for level in 1...9 { xml += "<!ENTITY e\(level) \"" + String(repeating: "&e\(level - 1);", count: 10) + "\">" }
        xml = xml.replacingOccurrences(of: "&e0;", with: "&a;") + "]><w>&e9;</w>"
        let data = StoredZip.archive([("word/document.xml", Data(xml.utf8))])
        #expect(
            error(data)?.message
                == "word/document.xml: not readable XML (it has a document type declaration, which Word documents "
                + "never have)")
    }

    @Test("a corrupted entry is caught by its checksum")
    func corruptedEntry() throws {
        var bytes = [UInt8](DocxBuilder.document(rows: [header, [["1.1 Do (Chile);"], ["Noted"], ["A1 X"]]]))
        // Flip a byte inside the stored document.xml (after its local header and name).
        let marker = Array("<w:tbl>".utf8)
        let at = try #require(
            (0..<(bytes.count - marker.count)).first { Array(bytes[$0..<($0 + marker.count)]) == marker })
        bytes[at + 1] ^= 0x20
        let failure = try #require(error(Data(bytes)))
        #expect(failure.message == "damaged Word (.docx) file: word/document.xml is damaged (checksum mismatch)")
    }
}
