import Foundation
import UPRFileFormats

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Extracts the tables and paragraphs of a WordprocessingML part (`word/document.xml`, `word/header1.xml`).
///
/// It streams the XML with `XMLParser` and keeps only text: runs (`w:t`) joined per paragraph, tabs and line
/// breaks kept as `"\t"` and `"\n"`. Deleted text of tracked changes and the fallback copy of text boxes are
/// skipped, so nothing is read twice.
public enum DocxTableExtractor {
    /// libxml2, which backs `XMLParser` on Linux, keeps global state that is not safe to use from several threads at
    /// once; imports may run concurrently in the server, so parses take turns.
    private static let parserLock = NSLock()

    /// The top-level tables of the part in document order; a table nested in a cell is flattened into that cell.
    public static func tables(in xml: Data) throws(DocxXMLError) -> [DocxTable] {
        try collect(xml).tables
    }

    /// Every paragraph of the part in document order, inside tables or not.
    public static func paragraphs(in xml: Data) throws(DocxXMLError) -> [String] {
        try collect(xml).paragraphs
    }

    /// Refuses what Word never writes and `XMLParser` cannot take safely.
    ///
    /// On Linux, FoundationXML force-unwraps element names, attribute names and comments as UTF-8; libxml2 runs in
    /// recovery mode and hands over the bytes of a damaged name as they are, so one bad byte in a tag would trap
    /// the process. Parts must therefore be well-formed UTF-8, and document type declarations (the only way to
    /// define entities, and so to expand them exponentially) are refused.
    private static func checkBytes(_ xml: Data) throws(DocxXMLError) {
        let problem: String? = xml.withUnsafeBytes { bytes in
            if bytes.contains(0) { return "it holds NUL bytes, so it is not UTF-8 text" }
            if !LegacyTextDecoding.isValidUTF8(bytes) { return "it holds bytes that are not UTF-8 characters" }
            if contains(Array("<!DOCTYPE".utf8), in: bytes) || contains(Array("<!ENTITY".utf8), in: bytes) {
                return "it has a document type declaration, which Word documents never have"
            }
            return nil
        }
        if let problem { throw DocxXMLError(message: "not readable XML (\(problem))", line: nil) }
    }

    private static func contains(_ needle: [UInt8], in bytes: UnsafeRawBufferPointer) -> Bool {
        guard needle.count <= bytes.count, let first = needle.first else { return false }
        var index = 0
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var offset = 1
                while offset < needle.count && bytes[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            index += 1
        }
        return false
    }

    /// libxml2's error codes, as `XMLParser.ErrorCode` numbers them, for the faults a damaged file shows.
    private static func describe(_ code: Int?) -> String {
        switch code {
        case 4: "the document is empty"
        case 5: "it ends early; the file may be truncated"
        case 9, 64: "it holds bytes that are not UTF-8 characters"
        case 26: "an undefined entity"
        case 76: "a closing tag does not match its opening tag"
        case 201: "an undeclared namespace prefix"
        case .some(let code): "XML parser error \(code)"
        case nil: "unknown error"
        }
    }

    private static func collect(_ xml: Data) throws(DocxXMLError) -> DocxXMLCollector {
        try checkBytes(xml)
        let collector = DocxXMLCollector()
        // From a stream, read in chunks: handed a part over 10 MB at once, libxml2 refuses it ("huge input
        // lookup"), and Word writes a document's body on one line.
        let parser = XMLParser(stream: InputStream(data: xml))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = collector
        parserLock.lock()
        let ok = parser.parse()
        parserLock.unlock()
        // On Linux `parse()` can return true after reporting an error, and says nothing when the document simply
        // stops (a truncated part), so the collector's own bookkeeping is checked too.
        if !ok || parser.parserError != nil || collector.parseError != nil {
            let code = (collector.parseError ?? parser.parserError).map { ($0 as NSError).code }
            throw DocxXMLError(message: "not well-formed XML (\(describe(code)))", line: parser.lineNumber)
        }
        guard collector.isComplete else {
            throw DocxXMLError(
                message: "not well-formed XML (it ends before its elements are closed)", line: parser.lineNumber)
        }
        return collector
    }
}
