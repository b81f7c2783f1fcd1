import Foundation
import Testing

@testable import UPRSpreadsheet

@Suite("Clear errors, never a crash")
struct ReadErrorTests {
    @Test("an unrelated CSV names the missing headings")
    func notAMatrix() throws {
        // The header of a UPR Info database export.
        let text =
            "Recommendation,Recommending State,Response,Issue,Session,Cycle\nAdopt a law,Canada,Supported,Women,22,2\n"
        let error = try #require(readError(Data(text.utf8), "upr-info.csv"))
        #expect(error.file == "upr-info.csv")
        #expect(error.message.contains("missing column headings"))
        for heading in ["Rec #", "Goal to be achieved", "Government body responsible for recommendation"] {
            #expect(error.message.contains("“\(heading)”"), "\(heading)")
        }
        #expect(!error.message.contains("“Response”"), "Response is there")
        #expect(error.description.hasPrefix("upr-info.csv, row 1: "))

        let unrelated = try #require(readError(Data("a,b,c\n1,2,3\n".utf8), "numbers.csv"))
        #expect(unrelated.message.contains("no row has the annex 8.1 column headings"))
        #expect(unrelated.message.contains("“Rec #”"))
        #expect(unrelated.row == nil)
    }

    @Test("a matrix with a column missing")
    func missingColumn() throws {
        let titles = ImplementationMatrix.columnTitles.filter { !$0.hasPrefix("Indicators") }
        let error = try #require(readError(Data((titles.joined(separator: ",") + "\n").utf8), "plan.csv"))
        #expect(error.row == 1)
        #expect(error.message.hasSuffix("missing column heading “Indicators/data to track progress of implementation”"))
    }

    @Test("a heading twice")
    func duplicateColumn() throws {
        let titles = ImplementationMatrix.columnTitles + ["Response"]
        let error = try #require(readError(Data((titles.joined(separator: ",") + "\n").utf8), "plan.csv"))
        #expect(error.message.contains("“Response” appears twice, in columns D and K"))
    }

    @Test("a row with text but no Rec # is named")
    func rowWithoutRecNumber() throws {
        var document = Fixtures.seedOnly
        document.rows.append(MatrixRow(recNumber: "  ", recommendingStates: "Mexico", goal: "Хууль батлах"))
        // The XLSX has the title and two header rows above the data, the CSV the title and one header row.
        for (data, name, row) in [
            (ImplementationMatrix.xlsx(document), "plan.xlsx", 6),
            (Data(ImplementationMatrix.csv(document).utf8), "plan.csv", 5),
        ] {
            let error = try #require(readError(data, name))
            #expect(error.row == row)
            #expect(error.column == "Rec #")
            #expect(error.message.contains("no Rec #"))
        }
    }

    @Test("a workbook with no sheet")
    func noSheet() throws {
        let data = workbookPackage([
            packageRelationshipsPart,
            (
                "xl/workbook.xml",
                #"<?xml version="1.0"?><workbook \#(mainNamespace) \#(relationshipNamespace)><sheets/></workbook>"#
            ),
        ])
        let error = try #require(readError(data, "empty.xlsx"))
        #expect(error == MatrixReadError(file: "empty.xlsx", message: "the workbook has no worksheet"))
    }

    @Test("a zip that is not a workbook")
    func notAWorkbook() throws {
        let data = workbookPackage([("word/document.xml", "<document/>")])
        let error = try #require(readError(data, "letter.xlsx"))
        #expect(error.message.contains("not an XLSX workbook"))
    }

    @Test("a sheet whose XML is damaged")
    func damagedXML() throws {
        var files = try parts(of: ImplementationMatrix.xlsx(Fixtures.seedOnly))
        files["xl/worksheets/sheet1.xml"] = Array(#"<worksheet><sheetData><row></sheetData>"#.utf8)
        let broken = OfficePackage.zip(files.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        let error = try #require(readError(broken, "plan.xlsx"))
        #expect(error.message.contains("xl/worksheets/sheet1.xml is not well-formed XML"))

        // A part cut short (FoundationXML on Linux reports success for it).
        let sheet = try parts(of: ImplementationMatrix.xlsx(Fixtures.seedOnly))["xl/worksheets/sheet1.xml"]!
        for length in [sheet.count / 3, sheet.count - 20] {
            files["xl/worksheets/sheet1.xml"] = Array(sheet.prefix(length))
            let cut = OfficePackage.zip(files.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
            #expect(try #require(readError(cut, "plan.xlsx")).message.contains("is not well-formed XML"))
        }

        // A tag name with a byte that is not UTF-8 would trap FoundationXML; it is refused first.
        files["xl/worksheets/sheet1.xml"] = Array("<worksheet><sheetData><r".utf8) + [0xFF, 0xFE] + Array("w/>".utf8)
        let invalid = OfficePackage.zip(files.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        #expect(try #require(readError(invalid, "plan.xlsx")).message.contains("not UTF-8"))

        files["xl/worksheets/sheet1.xml"] = Array(
            #"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaa">]><worksheet>&a;</worksheet>"#.utf8)
        let entity = OfficePackage.zip(files.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        #expect(try #require(readError(entity, "plan.xlsx")).message.contains("document type declaration"))
    }

    @Test("a truncated workbook, cut anywhere")
    func truncated() throws {
        let data = ImplementationMatrix.xlsx(Fixtures.document)
        var cut = 2
        while cut < data.count {
            let error = try #require(readError(data.prefix(cut), "plan.xlsx"), "cut at \(cut)")
            #expect(error.file == "plan.xlsx")
            cut += 97
        }
        let error = try #require(readError(data.prefix(data.count / 2), "plan.xlsx"))
        #expect(error.message.contains("truncated"))
    }

    @Test("a workbook with damaged bytes anywhere: an error or the rows, never a crash")
    func corrupted() {
        let original = ImplementationMatrix.xlsx(Fixtures.seedOnly)
        var position = 0
        var errors = 0
        while position < original.count {
            var data = original
            data[position] ^= 0x5A
            do {
                _ = try ImplementationMatrix.read(data, fileName: "plan.xlsx")
            } catch {
                errors += 1
            }
            position += 13
        }
        #expect(errors > 0)
    }

    @Test("directory offsets that point outside the file")
    func forgedOffsets() throws {
        var data = ImplementationMatrix.xlsx(Fixtures.seedOnly)
        // The end-of-directory record's offset of the directory: 16 bytes into the last 22.
        let field = data.count - 22 + 16
        data.replaceSubrange(field..<(field + 4), with: [0xF0, 0xFF, 0xFF, 0x7F])
        #expect(try #require(readError(data, "plan.xlsx")).message.contains("directory is damaged"))

        var local = ImplementationMatrix.xlsx(Fixtures.seedOnly)
        let directory = Int(local[local.count - 6]) | Int(local[local.count - 5]) << 8
        local.replaceSubrange((directory + 42)..<(directory + 46), with: [0x00, 0x00, 0x00, 0x70])
        #expect(try #require(readError(local, "plan.xlsx")).message.contains("damaged"))
    }

    @Test("a part whose compressed stream does not end within its bytes")
    func unendingDeflateStream() throws {
        // ZIPFoundation's inflater on Linux asks for input forever when a stream does not end; the reader must stop.
        var data = ImplementationMatrix.xlsx(Fixtures.document)
        let bytes = [UInt8](data)
        func uint16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func uint32(_ at: Int) -> Int { uint16(at) | uint16(at + 2) << 16 }
        var position = uint32(bytes.count - 22 + 16)
        var patched = false
        for _ in 0..<uint16(bytes.count - 22 + 10) {
            let nameLength = uint16(position + 28)
            let name = String(decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
            if name == "xl/worksheets/sheet1.xml" {
                let half = uint32(position + 20) / 2
                data.replaceSubrange(
                    (position + 20)..<(position + 24),
                    with: [UInt8(half & 0xFF), UInt8(half >> 8 & 0xFF), UInt8(half >> 16 & 0xFF), 0])
                patched = true
            }
            position += 46 + nameLength + uint16(position + 30) + uint16(position + 32)
        }
        #expect(patched)
        let error = try #require(readError(data, "plan.xlsx"))
        #expect(error.message == "the workbook is damaged or truncated (xl/worksheets/sheet1.xml cannot be unpacked)")
    }

    @Test("garbage, empty files, old .xls, unclosed quotes")
    func garbage() throws {
        // Deterministic bytes that are not UTF-8.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let garbage = Data(
            (0..<4096).map { _ -> UInt8 in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return UInt8(truncatingIfNeeded: state >> 56)
            })
        #expect(try #require(readError(garbage, "x.csv")).message.contains("neither an XLSX workbook nor CSV text"))
        #expect(
            try #require(readError(Data([0x50, 0x4B]) + garbage, "x.xlsx")).message.contains("not a readable XLSX"))
        #expect(try #require(readError(Data(), "empty.csv")).message == "the file is empty")
        #expect(
            try #require(readError(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1]), "old.xls")).message.contains(".xls"))
        #expect(try #require(readError(Data("a\0b".utf8), "nul.csv")).message.contains("neither"))

        let unclosed = ImplementationMatrix.columnTitles.joined(separator: ",") + "\n108.42,\"Czech Republic\n"
        let error = try #require(readError(Data(unclosed.utf8), "plan.csv"))
        #expect(error.row == 2)
        #expect(error.message.contains("never closed"))
    }
}
