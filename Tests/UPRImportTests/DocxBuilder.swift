import Foundation
import UPRTestSupport

/// Builds small .docx files whose table the test spells out, in the markup Word writes.
enum DocxBuilder {
    static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// A document whose body holds one table; each row is cells, each cell paragraphs.
    static func document(rows: [[[String]]], header: String? = "UPR of Testland (3rd Cycle - 30th Session)") -> Data {
        let table = "<w:tbl>" + rows.map(row).joined() + "</w:tbl>"
        return package(body: table, header: header)
    }

    /// A document with the given body XML (inside `w:body`).
    static func package(body: String, header: String? = nil) -> Data {
        let document = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="\(namespace)"><w:body>\(body)</w:body></w:document>
            """
        var entries: [(path: String, data: Data)] = [
            ("[Content_Types].xml", Data(#"<?xml version="1.0"?><Types/>"#.utf8)),
            ("word/document.xml", Data(document.utf8)),
        ]
        if let header {
            let xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <w:hdr xmlns:w="\(namespace)"><w:p><w:r><w:t>\(escape(header))</w:t><w:tab/>\
                <w:t>Thematic list of recommendations</w:t></w:r></w:p></w:hdr>
                """
            entries.append(("word/header1.xml", Data(xml.utf8)))
        }
        return StoredZip.archive(entries)
    }

    private static func row(_ cells: [[String]]) -> String {
        "<w:tr>" + cells.map { cell in "<w:tc>" + cell.map(paragraph).joined() + "</w:tc>" }.joined() + "</w:tr>"
    }

    private static func paragraph(_ text: String) -> String {
        // "\n" in a test string becomes a Word line break, as in Egypt's themes cells.
        let runs = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            "<w:t xml:space=\"preserve\">\(escape(String($0)))</w:t>"
        }
        return "<w:p><w:r>" + runs.joined(separator: "<w:br/>") + "</w:r></w:p>"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
