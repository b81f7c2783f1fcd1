import Foundation
import UPRTestSupport

/// Builds small UHRI-shaped workbooks whose cells the test spells out: text as inline strings, numbers (the
/// export's date serials) as number cells, in the markup Excel writes.
enum UHRIWorkbookBuilder {
    /// A cell: text, or a number as Excel stores a date serial.
    enum Cell: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
        case text(String)
        case number(Int)

        init(stringLiteral value: String) { self = .text(value) }
        init(integerLiteral value: Int) { self = .number(value) }
    }

    /// OHCHR's sixteen headings, its misspellings included.
    static let headings: [Cell] = [
        "Text", "Countries Concerned", "Reccomending Body", "Document Symbol", "Themes", "Affected Persons", "Sdgs",
        "Document Publication Date", "UPR Reccomending States", "UPR Position", "Type", "OHCHR Annotation Id",
        "UPR Session", "Regions Concerned", "Recommending Regions", "Date of publication on UHRI",
    ]

    /// One UPR row of Mongolia's review in the export's shape, under `headings`.
    static func uprRow(
        text: String = "- 84.1 Ratify, at the earliest possible date, the International Convention for the "
            + "Protection of All Persons from Enforced Disappearance",
        id: String = "- 6F1C2A9E-0B4D-4C7E-9A3B-5D7F01000193", published: Cell = 40547, session: String = "- 9 Session"
    ) -> [Cell] {
        [
            .text(text), "- Mongolia", "- UPR", "- A/HRC/16/5",
            "- D32 Enforced disappearances\n- A12 Acceptance of international norms", "- general",
            .text(
                "- 16.3 - Promote the rule of law at the national and international levels and ensure equal access "
                    + "to justice for all"),
            published, "- France", "- Supported", "- Recommendations", .text(id), .text(session),
            "- Asia-Pacific States", "- Western European and other States", 44362,
        ]
    }

    /// A workbook of one sheet with these rows (row 1 first); `nil` cells are left empty. `date1904`: the workbook
    /// counts date serials from 1904, as old Mac Excel files do.
    static func workbook(_ rows: [[Cell?]], date1904: Bool = false) -> Data {
        var sheet = #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        for (rowIndex, row) in rows.enumerated() {
            sheet += #"<row r="\#(rowIndex + 1)">"#
            for (column, cell) in row.enumerated() {
                let reference = letters(column) + String(rowIndex + 1)
                switch cell {
                case .text(let text):
                    sheet +=
                        #"<c r="\#(reference)" t="inlineStr"><is><t xml:space="preserve">\#(escape(text))</t></is></c>"#
                case .number(let number): sheet += #"<c r="\#(reference)"><v>\#(number)</v></c>"#
                case nil: continue
                }
            }
            sheet += "</row>"
        }
        sheet += "</sheetData></worksheet>"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let entries: [(path: String, data: Data)] = [
            ("[Content_Types].xml", Data(#"<?xml version="1.0"?><Types/>"#.utf8)),
            (
                "_rels/.rels",
                Data(
                    (#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
                        + #"<Relationship Id="rId1" Type="\#(relationships)/officeDocument" Target="xl/workbook.xml"/>"#
                        + "</Relationships>").utf8)
            ),
            (
                "xl/workbook.xml",
                Data(
                    (#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
                        + #"xmlns:r="\#(relationships)">"# + (date1904 ? #"<workbookPr date1904="1"/>"# : "")
                        + #"<sheets><sheet name="Export" sheetId="1" r:id="rId1"/>"#
                        + "</sheets></workbook>").utf8)
            ),
            (
                "xl/_rels/workbook.xml.rels",
                Data(
                    (#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
                        + #"<Relationship Id="rId1" Type="\#(relationships)/worksheet" "#
                        + #"Target="worksheets/sheet1.xml"/></Relationships>"#).utf8)
            ),
            ("xl/worksheets/sheet1.xml", Data(sheet.utf8)),
        ]
        return StoredZip.archive(entries)
    }

    private static func letters(_ index: Int) -> String {
        var number = index + 1
        var out = ""
        while number > 0 {
            out = String(UnicodeScalar(UInt8(65 + (number - 1) % 26))) + out
            number = (number - 1) / 26
        }
        return out
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
