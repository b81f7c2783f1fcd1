import Foundation
import Testing
import UPRFileFormats

@testable import UPRSpreadsheet

/// Real content: the seed's two example rows (annex 8.1, Mongolia's second review, A/HRC/30/6) with the plan
/// fields filled in English and Mongolian Cyrillic, plus the awkward cells a real plan has.
enum Fixtures {
    static let czechRepublic = MatrixRow(
        recNumber: "108.42", recommendingStates: "Czech Republic",
        recommendation:
            "Adopt a comprehensive law against discrimination on all grounds, including legal protection of victims",
        response: "Accepted",
        otherMechanismsNational: "National Human Rights Commission of Mongolia, status report 2014",
        otherMechanismsInternational: "CERD (2010), CESCR (2015)",
        goal: "Ялгаварлан гадуурхалтын эсрэг иж бүрэн хууль батлагдсан байх",
        expectedAction: "Draft the law, consult civil society, \"submit\" it to the State Great Khural\nby 2017",
        indicators: "- Law adopted (yes/no)\n- Number of discrimination complaints, by ground; by aimag",
        responsibleBody: "Ministry of Justice")

    static let canada = MatrixRow(
        recNumber: "108.103", recommendingStates: "Canada",
        recommendation:
            "Adopt the revised Law against Domestic Violence, enhance awareness -raising campaigns about domestic "
            + "violence, and expand services and protection for victims",
        response: "Accepted",
        goal: "Гэр бүлийн хүчирхийллийн эсрэг хуулийн шинэчилсэн найруулга батлагдсан байх",
        expectedAction: "Хууль батлах; хохирогчдод үзүүлэх үйлчилгээг өргөжүүлэх",
        indicators: "Number of shelters, by aimag", responsibleBody: "Ministry of Justice and Home Affairs")

    /// A recommendation without a paragraph number, several recommending states, empty plan cells.
    static let withoutParagraph = MatrixRow(
        recNumber: "#123", recommendingStates: "France, Mexico",
        recommendation: "Ratify the Optional Protocol to the Convention against Torture", response: "Noted")

    /// Commas, quotes, semicolons, tabs, markup, a literal OOXML escape, formula-like text, surrounding spaces.
    static let awkward = MatrixRow(
        recNumber: "108.10", recommendingStates: "Côte d'Ivoire",
        recommendation: "Ensure <access> to justice & \"legal aid\"; in all 21 aimags,\tincluding remote soums",
        response: "Supported", otherMechanismsNational: "=HYPERLINK(\"http://example.org\")",
        otherMechanismsInternational: "+976 11 26 36 35", goal: "-5% cases", expectedAction: "@ministry",
        indicators: "  indented, with trailing space  ", responsibleBody: "Text with _x000D_ in it")

    static let longText = String(repeating: "Хүний эрхийн үндэсний комисс. ", count: 400)  // 12,000 characters

    static var document: MatrixDocument {
        var long = withoutParagraph
        long.recNumber = "108.150"
        long.goal = longText
        return MatrixDocument(
            title: "Implementation plan – Mongolia", rows: [czechRepublic, canada, withoutParagraph, awkward, long])
    }

    static let seedOnly = MatrixDocument(title: "Implementation plan – Mongolia", rows: [czechRepublic, canada])
}

/// Reads a test's file, failing the test on an error.
func readMatrix(_ data: Data, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> MatrixDocument? {
    do {
        return try ImplementationMatrix.read(data, fileName: name)
    } catch {
        Issue.record("\(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// The error a read must give.
func readError(_ data: Data, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> MatrixReadError? {
    do {
        let document = try ImplementationMatrix.read(data, fileName: name)
        Issue.record("read succeeded with \(document.rows.count) rows", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// The inflated parts of a package.
func parts(of data: Data) throws -> [String: [UInt8]] {
    let zip = try ZipReader(data)
    var result: [String: [UInt8]] = [:]
    for path in zip.paths { result[path] = try zip.bytes(of: path) }
    return result
}

/// An XML element as the tests look at it.
struct XMLElementRecord: Equatable {
    var name: String
    var attributes: [String: String]
    var text: String
}

/// Every element of a part with its attributes and direct text; parsing fails the test on malformed XML.
func elements(_ bytes: [UInt8], part: String) throws -> [XMLElementRecord] {
    let collector = ElementCollector()
    try SpreadsheetXML.parse(bytes, part: part, handler: collector)
    return collector.elements
}

private final class ElementCollector: XMLPartHandler {
    var elements: [XMLElementRecord] = []
    private var open: [Int] = []

    func start(_ name: String, attributes: [String: String]) {
        open.append(elements.count)
        elements.append(XMLElementRecord(name: name, attributes: attributes, text: ""))
    }

    func text(_ text: String) {
        if let index = open.last { elements[index].text += text }
    }

    func end(_ name: String) {
        _ = open.popLast()
    }
}

/// A workbook package from hand-written parts, for files "saved by Excel" and damaged files.
func workbookPackage(_ parts: [(String, String)]) -> Data {
    OfficePackage.zip(parts.map { ($0.0, Array($0.1.utf8)) })
}

let mainNamespace = #"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#
let relationshipNamespace = #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#
let packageRelationshipsPart = (
    "_rels/.rels",
    #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" "#
        + #"Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" "#
        + #"Target="xl/workbook.xml"/></Relationships>"#
)
