import Foundation
import Testing
import UPRImport
import UPRTestSupport

/// The two UHRI layouts are recognised from the content, and nothing else is taken for them.
@Suite("UHRI format detection")
struct UHRIFormatTests {
    @Test("the committed exports")
    func fixtures() {
        #expect(UHRIFormat.detect(data: Fixtures.data("uhri/mongolia-uhri.xlsx")) == .workbook)
        #expect(UHRIFormat.detect(data: Fixtures.data("uhri/mongolia-uhri.json")) == .json)
    }

    @Test("a workbook is recognised by its header, with either spelling, in any order")
    func workbookHeaders() {
        typealias Builder = UHRIWorkbookBuilder
        #expect(UHRIFormat.detect(data: Builder.workbook([Builder.headings])) == .workbook)
        #expect(
            UHRIFormat.detect(data: Builder.workbook([["Type", "Recommending Body", "OHCHR Annotation Id"]]))
                == .workbook)
        // Two common headings are not enough, and an empty sheet is nothing.
        #expect(UHRIFormat.detect(data: Builder.workbook([["Text", "Type"]])) == nil)
        #expect(UHRIFormat.detect(data: Builder.workbook([])) == nil)
    }

    @Test("a JSON array whose first object has an AnnotationId")
    func json() {
        #expect(UHRIFormat.detect(data: Data(#"  [ {"AnnotationId": "x", "Text": "y"} ]"#.utf8)) == .json)
        #expect(UHRIFormat.detect(data: Data("\u{FEFF}[{\"annotationid\": 1}]".utf8)) == .json)
        // The sample may end inside the file: only the first record is needed.
        #expect(UHRIFormat.detect(data: Data(#"[{"AnnotationId": "x"}, {"AnnotationId": "#.utf8)) == .json)
        #expect(UHRIFormat.detect(data: Data("[]".utf8)) == nil)
        #expect(UHRIFormat.detect(data: Data(#"[{"Text": "y"}]"#.utf8)) == nil)
        #expect(UHRIFormat.detect(data: Data(#"{"AnnotationId": "x"}"#.utf8)) == nil)
        #expect(UHRIFormat.detect(data: Data(#"["AnnotationId"]"#.utf8)) == nil)
    }

    @Test("the other formats the importer reads are not UHRI, nor is nothing")
    func otherFormats() {
        #expect(UHRIFormat.detect(data: CommittedFixtures.mongolia) == nil)
        for name in Fixtures.thematicLists { #expect(UHRIFormat.detect(data: Fixtures.data(name)) == nil, "\(name)") }
        #expect(UHRIFormat.detect(data: Data()) == nil)
        #expect(UHRIFormat.detect(data: Data([0x50, 0x4B, 0x03, 0x04, 0, 0])) == nil)
    }

    @Test("the importer detects both layouts from the content, whatever the file is called")
    func importerDetectsUHRI() throws {
        let json = Fixtures.data("uhri/mongolia-uhri.json")
        let xlsx = Fixtures.data("uhri/mongolia-uhri.xlsx")
        #expect(try ImportFormat.detect(data: json, fileName: "export.csv") == .uhriJSON)
        #expect(try ImportFormat.detect(data: xlsx, fileName: "export.docx") == .uhriXLSX)
        // Detection needs only the prefix the streaming import reads first.
        #expect(try ImportFormat.detect(data: json.prefix(ImportFormat.detectionPrefix), fileName: "e") == .uhriJSON)
        let fromJSON = try Importer.parse(data: json, fileName: "uhri.json")
        let fromXLSX = try Importer.parse(data: xlsx, fileName: "uhri.xlsx")
        #expect(fromJSON.format == .uhriJSON && fromXLSX.format == .uhriXLSX)
        #expect(fromJSON.records.count == 40 && fromXLSX.records.count == 40)
        #expect(fromJSON.records.filter { $0.kind == .concernObservation }.count == 4)
        #expect(ImportFormat.uhriJSON.isStreamed && !ImportFormat.uhriXLSX.isStreamed)
        // A workbook that is neither a Word file nor a UHRI export is still refused by name.
        #expect(throws: ImportError.self) {
            _ = try ImportFormat.detect(data: UHRIWorkbookBuilder.workbook([["Text", "Type"]]), fileName: "x.xlsx")
        }
    }
}
