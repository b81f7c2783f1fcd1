import Foundation
import Testing

@testable import UPRSpreadsheet

/// Parts larger than libxml2's 10 MB lookup limit: spreadsheet writers put a whole sheet on one line, and a UHRI
/// export of 30,000 rows has a 15 MB sheet. Handed to the parser in one piece, such a part failed as "not
/// well-formed" (libxml2's "huge input lookup"); fed in chunks it is read like any other.
@Suite struct LargePartTests {
    @Test("a 12 MB sheet on one line is read to its last row")
    func aSheetLargerThanTheParsersLookupLimit() throws {
        var xml = #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="urn:x"><sheetData>"#
        let rows = 60_000
        for row in 1...rows {
            xml += "<row r=\"\(row)\"><c r=\"A\(row)\" t=\"inlineStr\"><is><t>"
            xml += String(repeating: "text of row \(row) ", count: 8)
            xml += "</t></is></c></row>"
        }
        xml += "</sheetData></worksheet>"
        let bytes = Array(xml.utf8)
        #expect(bytes.count > 10_000_000)
        let found = try elements(bytes, part: "xl/worksheets/sheet1.xml")
        let rowElements = found.filter { $0.name == "row" }
        #expect(rowElements.count == rows)
        #expect(rowElements.last?.attributes["r"] == String(rows))
        #expect(found.last { $0.name == "t" }?.text.hasPrefix("text of row \(rows) ") == true)
    }
}
