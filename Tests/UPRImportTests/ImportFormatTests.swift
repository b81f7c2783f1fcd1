import Foundation
import Testing
import UPRImport
import UPRTestSupport

@Suite("Format detection")
struct ImportFormatTests {
    @Test("detected from the content, whatever the extension says")
    func fromContent() throws {
        #expect(try ImportFormat.detect(data: CommittedFixtures.mongolia, fileName: "mongolia.csv") == .uprInfo)
        #expect(try ImportFormat.detect(data: CommittedFixtures.mongolia, fileName: "mongolia.docx") == .uprInfo)
        #expect(try ImportFormat.detect(data: CommittedFixtures.raw1to5, fileName: "1-5.txt") == .uprInfo)
        #expect(try ImportFormat.detect(data: CommittedFixtures.pledges, fileName: "pledges") == .uprInfo)
        let docx = Fixtures.data("slovenia-cycle3-session34.docx")
        #expect(try ImportFormat.detect(data: docx, fileName: "slovenia.docx") == .ohchrDocx)
        #expect(try ImportFormat.detect(data: docx, fileName: "slovenia.csv") == .ohchrDocx)
    }

    @Test("a CSV renamed .docx and a .docx renamed .csv import as what they are")
    func renamedFiles() throws {
        let csv = try Importer.parse(data: CommittedFixtures.mongolia, fileName: "mongolia.docx")
        #expect(csv.format == .uprInfo)
        #expect(csv.records.count == 129)
        let docx = try Importer.parse(data: Fixtures.data("slovenia-cycle4-session48.docx"), fileName: "list.csv")
        #expect(docx.format == .ohchrDocx)
        #expect(docx.records.count == 254)
    }

    @Test("a UTF-16 export with a byte-order mark")
    func utf16() throws {
        let text = String(decoding: CommittedFixtures.mongolia, as: UTF8.self)
        let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try ImportFormat.detect(data: Data(bytes), fileName: "m.csv") == .uprInfo)
        #expect(try Importer.parse(data: Data(bytes), fileName: "m.csv").records.count == 129)
    }

    @Test(
        "what is neither",
        arguments: [
            ("notes.txt", Data("Dear colleagues,\nplease find attached the matrix.\n".utf8)),
            ("data.csv", Data("Name,Phone\nAnn,123\n".utf8)),
            ("image.png", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])),
            ("nul.csv", Data([0x54, 0x6F, 0x2C, 0x00, 0x54, 0x65, 0x78, 0x74])),
        ])
    func neither(_ name: String, _ data: Data) {
        #expect(
            throws: ImportError(
                file: name, message: "not a UPR Info export, an OHCHR thematic list or a UHRI export (XLSX or JSON)")
        ) {
            try ImportFormat.detect(data: data, fileName: name)
        }
    }

    @Test("zips that are not Word documents, and old binary Word files")
    func otherContainers() {
        #expect(throws: ImportError.self) {
            try ImportFormat.detect(data: Fixtures.data("upr-info-exports.zip"), fileName: "x.docx")
        }
        do {
            _ = try ImportFormat.detect(data: Fixtures.data("upr-info-exports.zip"), fileName: "x.docx")
        } catch {
            #expect(error.message.hasPrefix("a zip archive without word/document.xml"))
        }
        let oldWord = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 512))
        #expect(
            throws: ImportError(
                file: "list.doc",
                message:
                    "not a UPR Info export, an OHCHR thematic list or a UHRI export (XLSX or JSON): this is an old Word 97-2003 (.doc) or Excel "
                    + "(.xls) file; save it as .docx or .csv")
        ) { try ImportFormat.detect(data: oldWord, fileName: "list.doc") }
        #expect(throws: ImportError(file: "e.csv", message: "the file is empty")) {
            try ImportFormat.detect(data: Data(), fileName: "e.csv")
        }
    }

    @Test("an export whose header lacks a required column is still recognised, so the parser can say what is missing")
    func partialHeader() throws {
        let data = Data("To,Text,From,Response\rMongolia,Ratify CAT,France,Accepted\r".utf8)
        #expect(try ImportFormat.detect(data: data, fileName: "x.csv") == .uprInfo)
        #expect(throws: ImportError.self) { try Importer.parse(data: data, fileName: "x.csv") }
        do {
            _ = try Importer.parse(data: data, fileName: "x.csv")
        } catch {
            #expect(error.column == "Session")
        }
    }
}
