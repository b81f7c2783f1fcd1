import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The `XMLParser` delegate behind `DocxTableExtractor`: collects paragraphs and top-level tables as they stream by.
final class DocxXMLCollector: NSObject, XMLParserDelegate {
    private static let wordNamespaces: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]
    private static let compatibilityNamespace = "http://schemas.openxmlformats.org/markup-compatibility/2006"

    private(set) var tables: [DocxTable] = []
    /// The first error the parser reported.
    private(set) var parseError: Error?
    /// Open elements of any namespace, to notice a document that stops before its end.
    private var openElements = 0
    private var sawRoot = false
    private(set) var paragraphs: [String] = []

    /// Nesting depth of `w:tbl`; only depth-1 rows and cells become rows and cells.
    private var tableDepth = 0
    private var rows: [DocxTableRow] = []
    private var cells: [DocxTableCell] = []
    private var cellParagraphs: [String] = []
    private var cellSpan = 1
    private var inCell = false

    /// Paragraphs nest when a text box sits inside a paragraph; each level has its own text.
    private var paragraphTexts: [String] = []
    private var runDepth = 0
    private var inText = false
    /// Depth inside content that must not be read: deleted or moved-away text, text-box fallbacks.
    private var skipDepth = 0

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        openElements += 1
        sawRoot = true
        if skipDepth > 0 {
            skipDepth += 1
            return
        }
        guard let namespaceURI else { return }
        if namespaceURI == Self.compatibilityNamespace {
            if elementName == "Fallback" { skipDepth = 1 }
            return
        }
        guard Self.wordNamespaces.contains(namespaceURI) else { return }
        switch elementName {
        case "t":
            inText = true
        case "r":
            runDepth += 1
        case "tab", "ptab":
            // w:tab also defines tab stops inside w:pPr; only a tab inside a run is text.
            if runDepth > 0 { appendText("\t") }
        case "br", "cr":
            if runDepth > 0 { appendText("\n") }
        case "noBreakHyphen":
            if runDepth > 0 { appendText("-") }
        case "p":
            paragraphTexts.append("")
        case "del", "moveFrom":
            skipDepth = 1
        case "tbl":
            tableDepth += 1
            if tableDepth == 1 { rows = [] }
        case "tr" where tableDepth == 1:
            cells = []
        case "tc" where tableDepth == 1:
            cellParagraphs = []
            cellSpan = 1
            inCell = true
        case "gridSpan" where tableDepth == 1 && inCell:
            if let value = attributes["w:val"] ?? attributes["val"], let span = Int(value), span > 0 {
                cellSpan = span
            }
        default:
            break
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        openElements -= 1
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        guard let namespaceURI, Self.wordNamespaces.contains(namespaceURI) else { return }
        switch elementName {
        case "t":
            inText = false
        case "r":
            runDepth = max(0, runDepth - 1)
        case "p":
            guard let text = paragraphTexts.popLast() else { return }
            paragraphs.append(text)
            if tableDepth >= 1 && inCell { cellParagraphs.append(text) }
        case "tc" where tableDepth == 1:
            cells.append(DocxTableCell(paragraphs: cellParagraphs, columnSpan: cellSpan))
            inCell = false
        case "tr" where tableDepth == 1:
            rows.append(DocxTableRow(cells: cells))
        case "tbl":
            if tableDepth == 1 { tables.append(DocxTable(rows: rows)) }
            tableDepth = max(0, tableDepth - 1)
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if self.parseError == nil { self.parseError = parseError }
    }

    /// Whether the document had a root element and closed every element it opened.
    var isComplete: Bool { sawRoot && openElements == 0 }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText && skipDepth == 0 { appendText(string) }
    }

    private func appendText(_ text: String) {
        guard !paragraphTexts.isEmpty else { return }
        paragraphTexts[paragraphTexts.count - 1] += text
    }
}
