import Foundation
import UPRFileFormats

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Runs `XMLParser` over a part of the workbook, safely.
///
/// On Linux `XMLParser` is libxml2 behind FoundationXML: libxml2 keeps global state, so two parses at once (two
/// uploads read by the server at the same time) are not safe and parses take turns; and FoundationXML
/// force-unwraps element and attribute names as UTF-8, so a part with a malformed byte in a tag name would trap the
/// process. Parts are therefore checked to be UTF-8 first, and document type declarations (which spreadsheets
/// never have, and which can define exponentially expanding entities) are refused.
enum SpreadsheetXML {
    private static let lock = NSLock()

    /// Parses the part, handing its elements (by local name) and text to `handler`.
    ///
    /// FoundationXML on Linux reports success for a document that simply stops (a truncated part), sometimes with
    /// an error set and sometimes without; a part is accepted only when its root element was closed and no error
    /// was reported.
    static func parse(_ bytes: [UInt8], part: String, handler: some XMLPartHandler) throws(ReadProblem) {
        try check(bytes, part: part)
        let delegate = PartParserDelegate(handler)
        // Fed as a stream, a piece at a time: given the whole part at once, libxml2 refuses any part over 10 MB
        // ("huge input lookup", reported as parser error 1), which a UHRI export of 20,000 rows already is.
        let parser = XMLParser(stream: InputStream(data: Data(bytes)))
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        lock.lock()
        let parsed = parser.parse()
        let error = parser.parserError
        let line = parser.lineNumber
        lock.unlock()
        guard parsed, error == nil, delegate.rootClosed else {
            let reason = error.map { describe(($0 as NSError).code) } ?? "it ends early"
            throw ReadProblem("the workbook is damaged: \(part) is not well-formed XML (\(reason), line \(line))")
        }
    }

    private static func check(_ bytes: [UInt8], part: String) throws(ReadProblem) {
        let slice = bytes[...]
        let utf8 = slice.starts(with: [0xEF, 0xBB, 0xBF]) ? slice.dropFirst(3) : slice
        guard !utf8.contains(0), utf8.withUnsafeBytes({ LegacyTextDecoding.isValidUTF8($0) }) else {
            throw ReadProblem("the workbook is damaged: \(part) is not UTF-8 text")
        }
        if contains(Array("<!DOCTYPE".utf8), in: bytes) || contains(Array("<!ENTITY".utf8), in: bytes) {
            throw ReadProblem("the workbook is refused: \(part) has a document type declaration")
        }
    }

    private static func contains(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var index = 0
        while index <= haystack.count - needle.count {
            if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return true
            }
            index += 1
        }
        return false
    }

    private static func describe(_ code: Int) -> String {
        switch code {
        case 4: "the part is empty"
        case 5: "it ends early"
        case 76: "a closing tag does not match its opening tag"
        default: "parser error \(code)"
        }
    }

    /// An attribute by local name, whether the parser reports it with its prefix ("r:id") or without.
    static func attribute(_ attributes: [String: String], _ name: String) -> String? {
        if let value = attributes[name] { return value }
        return attributes.first { $0.key.hasSuffix(":" + name) }?.value
    }
}

/// Receives the elements and text of a part.
protocol XMLPartHandler: AnyObject {
    func start(_ name: String, attributes: [String: String])
    func end(_ name: String)
    func text(_ text: String)
}

extension XMLPartHandler {
    func end(_ name: String) {}
    func text(_ text: String) {}
}

/// Forwards the parser's events to a handler and checks that the document is complete. (Not generic: on Apple
/// platforms `XMLParserDelegate` is an Objective-C protocol.)
private final class PartParserDelegate: NSObject, XMLParserDelegate {
    let handler: any XMLPartHandler
    private var depth = 0
    private(set) var rootClosed = false

    init(_ handler: any XMLPartHandler) {
        self.handler = handler
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        depth += 1
        handler.start(elementName, attributes: attributes)
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        depth -= 1
        if depth == 0 { rootClosed = true }
        handler.end(elementName)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        handler.text(string)
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        handler.text(String(decoding: block, as: UTF8.self))
    }
}
