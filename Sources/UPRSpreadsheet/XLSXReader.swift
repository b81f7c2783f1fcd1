import Foundation
import UPRFileFormats

/// Reads the worksheets of an XLSX workbook into grids of cell text.
enum XLSXReader {
    /// The grids of the workbook's worksheets, in tab order, read one at a time as `body` asks for them: the
    /// matrix is usually on the first sheet, and the others need not be parsed then.
    ///
    /// With `rowLimit`, only the first rows of each sheet are kept: enough to recognise a header without building
    /// the cells of a large sheet.
    static func firstMatch<T>(
        in data: Data, rowLimit: Int? = nil, _ body: (SheetGrid) throws(ReadProblem) -> T
    ) throws(ReadProblem) -> T {
        let zip = try ZipReader.workbook(data)
        let workbookPath = try officeDocumentPath(zip)
        guard zip.contains(workbookPath) else {
            throw ReadProblem("not an XLSX workbook: it has no \(workbookPath) (is it a Word or PowerPoint file?)")
        }
        let workbook = WorkbookCollector()
        try SpreadsheetXML.parse(try zip.part(workbookPath), part: workbookPath, handler: workbook)
        let relationships = try relationships(of: workbookPath, in: zip)

        var sharedStrings: [String] = []
        if let path = relationships.values.first(where: { $0.type.hasSuffix("/sharedStrings") })?.target,
            zip.contains(path)
        {
            let collector = SharedStringsCollector()
            try SpreadsheetXML.parse(try zip.part(path), part: path, handler: collector)
            sharedStrings = collector.strings
        }
        var formats = CellFormats()
        if let path = relationships.values.first(where: { $0.type.hasSuffix("/styles") })?.target, zip.contains(path) {
            let collector = StylesCollector()
            try SpreadsheetXML.parse(try zip.part(path), part: path, handler: collector)
            formats = collector.formats
        }

        var sheetPaths = workbook.sheetRelationshipIDs.compactMap { id -> String? in
            guard let relationship = relationships[id], relationship.type.hasSuffix("/worksheet") else { return nil }
            return relationship.target
        }
        // A workbook whose relationships are missing but whose sheet sits where Excel puts it.
        if sheetPaths.isEmpty && !workbook.sheetRelationshipIDs.isEmpty && zip.contains("xl/worksheets/sheet1.xml") {
            sheetPaths = ["xl/worksheets/sheet1.xml"]
        }
        guard !sheetPaths.isEmpty else { throw ReadProblem("the workbook has no worksheet") }

        var firstProblem: ReadProblem?
        for path in sheetPaths {
            guard zip.contains(path) else {
                firstProblem = firstProblem ?? ReadProblem("the workbook is damaged: its worksheet \(path) is missing")
                continue
            }
            let collector = SheetCollector(
                sharedStrings: sharedStrings, formats: formats, date1904: workbook.date1904, rowLimit: rowLimit)
            try SpreadsheetXML.parse(try zip.part(path), part: path, handler: collector)
            if let reference = collector.missingSharedString {
                throw ReadProblem(
                    "the workbook is damaged: cell \(reference) refers to a shared string the workbook does not have")
            }
            do {
                return try body(collector.grid)
            } catch {
                firstProblem = firstProblem ?? error
            }
        }
        throw firstProblem ?? ReadProblem("the workbook has no worksheet")
    }

    // MARK: - Package relationships

    private static func officeDocumentPath(_ zip: ZipReader) throws(ReadProblem) -> String {
        let fallback = "xl/workbook.xml"
        guard zip.contains("_rels/.rels") else { return fallback }
        let collector = RelationshipsCollector()
        try SpreadsheetXML.parse(try zip.part("_rels/.rels"), part: "_rels/.rels", handler: collector)
        let target = collector.relationships.first { $0.type.hasSuffix("/officeDocument") }?.target
        return target.map { resolve($0, relativeTo: "") } ?? fallback
    }

    private static func relationships(
        of partPath: String, in zip: ZipReader
    ) throws(ReadProblem) -> [String: (type: String, target: String)] {
        let directory = directoryOf(partPath)
        let name = String(partPath.dropFirst(directory.count))
        let path = directory + "_rels/" + name + ".rels"
        guard zip.contains(path) else { return [:] }
        let collector = RelationshipsCollector()
        try SpreadsheetXML.parse(try zip.part(path), part: path, handler: collector)
        var result: [String: (type: String, target: String)] = [:]
        for relationship in collector.relationships where !relationship.external && result[relationship.id] == nil {
            result[relationship.id] = (relationship.type, resolve(relationship.target, relativeTo: directory))
        }
        return result
    }

    /// "xl/" for "xl/workbook.xml".
    private static func directoryOf(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// A relationship target as a path inside the package: absolute ("/xl/worksheets/sheet1.xml") or relative to
    /// the source part's directory, with "." and ".." resolved.
    private static func resolve(_ target: String, relativeTo directory: String) -> String {
        let joined = target.hasPrefix("/") ? String(target.dropFirst()) : directory + target
        var components: [Substring] = []
        for component in joined.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        let path = components.joined(separator: "/")
        return path.removingPercentEncoding ?? path
    }
}

// MARK: - Collectors

private final class RelationshipsCollector: XMLPartHandler {
    struct Relationship {
        var id: String
        var type: String
        var target: String
        var external: Bool
    }
    var relationships: [Relationship] = []

    func start(_ elementName: String, attributes: [String: String]) {
        guard elementName == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else {
            return
        }
        relationships.append(
            Relationship(
                id: id, type: attributes["Type"] ?? "", target: target,
                external: attributes["TargetMode"] == "External"))
    }
}

private final class WorkbookCollector: XMLPartHandler {
    var sheetRelationshipIDs: [String] = []
    var date1904 = false

    func start(_ elementName: String, attributes: [String: String]) {
        switch elementName {
        case "sheet":
            if let id = SpreadsheetXML.attribute(attributes, "id") { sheetRelationshipIDs.append(id) }
        case "workbookPr":
            date1904 = ["1", "true"].contains(attributes["date1904"] ?? "")
        default: break
        }
    }
}

/// The text of each `<si>`: its runs joined, phonetic guides (`<rPh>`) left out.
private final class SharedStringsCollector: XMLPartHandler {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var phoneticDepth = 0

    func start(_ elementName: String, attributes: [String: String]) {
        switch elementName {
        case "si": current = ""
        case "rPh": phoneticDepth += 1
        case "t": inText = phoneticDepth == 0
        default: break
        }
    }

    func text(_ string: String) {
        if inText { current += string }
    }

    func end(_ elementName: String) {
        switch elementName {
        case "si": strings.append(CellText.unescapeOOXML(current))
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        default: break
        }
    }
}

/// The number format of each cell format (`cellXfs/xf`), and the workbook's custom format codes.
struct CellFormats {
    var formatIDs: [Int] = []
    var codes: [Int: String] = [:]

    func kind(style: Int) -> NumberDisplay.Kind {
        guard style >= 0, style < formatIDs.count else { return .general }
        let id = formatIDs[style]
        return NumberDisplay.kind(formatID: id, code: codes[id])
    }
}

private final class StylesCollector: XMLPartHandler {
    var formats = CellFormats()
    private var inCellFormats = false

    func start(_ elementName: String, attributes: [String: String]) {
        switch elementName {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] {
                formats.codes[id] = code
            }
        case "cellXfs": inCellFormats = true
        case "xf" where inCellFormats: formats.formatIDs.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
        default: break
        }
    }

    func end(_ elementName: String) {
        if elementName == "cellXfs" { inCellFormats = false }
    }
}

/// The cells of a worksheet as display text.
private final class SheetCollector: XMLPartHandler {
    /// Excel's last column is XFD.
    private static let columnLimit = 16_384

    private let sharedStrings: [String]
    private let formats: CellFormats
    private let date1904: Bool

    private var rows: [SheetRow] = []
    private var rowNumber = 0
    private var cells: [Int: String] = [:]
    private var column = -1
    private var cellType = "n"
    private var cellStyle = 0
    private var value = ""
    private var inlineText = ""
    private var buffer = ""
    private var capturing = false
    private var inInlineString = false
    private var phoneticDepth = 0
    /// The first cell (as "B7") whose shared string is missing: the text is lost, so the file is refused.
    private(set) var missingSharedString: String?

    /// Rows with text kept at most; the rest of the sheet is parsed for its well-formedness only.
    private let rowLimit: Int

    init(sharedStrings: [String], formats: CellFormats, date1904: Bool, rowLimit: Int? = nil) {
        self.sharedStrings = sharedStrings
        self.formats = formats
        self.date1904 = date1904
        self.rowLimit = rowLimit ?? .max
    }

    var grid: SheetGrid {
        SheetGrid(rows: rows.sorted { $0.number < $1.number }, date1904: date1904)
    }

    func start(_ elementName: String, attributes: [String: String]) {
        if rows.count >= rowLimit { return }
        switch elementName {
        case "row":
            rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
            cells = [:]
            column = -1
        case "c":
            column = attributes["r"].flatMap(Self.columnIndex) ?? column + 1
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap { Int($0) } ?? 0
            value = ""
            inlineText = ""
        case "v":
            buffer = ""
            capturing = true
        case "is": inInlineString = true
        case "rPh": phoneticDepth += 1
        case "t" where inInlineString && phoneticDepth == 0:
            buffer = ""
            capturing = true
        default: break
        }
    }

    func text(_ string: String) {
        if capturing { buffer += string }
    }

    func end(_ elementName: String) {
        if rows.count >= rowLimit { return }
        switch elementName {
        case "v":
            value = buffer
            capturing = false
        case "t" where capturing:
            inlineText += buffer
            capturing = false
        case "rPh": phoneticDepth -= 1
        case "is": inInlineString = false
        case "c":
            let text = display()
            if !text.isEmpty && column >= 0 && column < Self.columnLimit { cells[column] = text }
        case "row":
            if !cells.isEmpty { rows.append(SheetRow(number: rowNumber, cells: cells)) }
        default: break
        }
    }

    private func display() -> String {
        switch cellType {
        case "s":
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index)
            else {
                if !value.isEmpty && missingSharedString == nil {
                    missingSharedString = XLSXWriter.columnLetters(max(column, 0)) + String(rowNumber)
                }
                return ""
            }
            return sharedStrings[index]
        case "inlineStr": return CellText.unescapeOOXML(inlineText)
        case "str": return CellText.unescapeOOXML(value)
        case "b": return value == "1" ? "TRUE" : value == "0" ? "FALSE" : value
        case "e", "d": return value
        default:
            guard !value.isEmpty else { return CellText.unescapeOOXML(inlineText) }
            return NumberDisplay.text(value, kind: formats.kind(style: cellStyle), date1904: date1904)
        }
    }

    /// The 0-based column of a reference such as "J12" or "$AA$3".
    private static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "$"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                index = index * 26 + Int(byte - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                index = index * 26 + Int(byte - UInt8(ascii: "a")) + 1
                letters += 1
            default:
                return letters > 0 ? index - 1 : nil
            }
            if letters > 3 { return nil }
        }
        return letters > 0 ? index - 1 : nil
    }
}
