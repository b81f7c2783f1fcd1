import Foundation
import UPRDomain

/// One recommendation row of a thematic list, read cell by cell.
struct ThematicListRow: Sendable {
    let rowNumber: Int
    /// "115.3", without a trailing full stop.
    let paragraph: String
    /// The recommendation as printed, without its paragraph number and "Source of position" line.
    let text: String
    let states: [String]
    let response: Response
    /// "A/HRC/28/15/Add.1 - Para. 3" as printed.
    let responseSource: String?
    /// The Working Group report: the source's symbol without "/Add.N".
    let reportSymbol: String?
    var themes: [OHCHRTheme]
    let affectedPersons: [String]
    let sdgs: [Int]
    private(set) var warnings: [String] = []
    /// Said only when no row of the paragraph gives a source.
    let missingSourceWarning: String?

    /// Reads a row whose first cell starts with a paragraph number.
    init(cells: [DocxTableCell], columns: ThematicListColumns, rowNumber: Int, fileName: String) throws(ImportError) {
        self.rowNumber = rowNumber
        func cell(_ index: Int?) -> DocxTableCell? {
            guard let index, cells.indices.contains(index) else { return nil }
            return cells[index]
        }

        var textLines: [String] = []
        var source: String?
        var comments: [String] = []
        for line in (cell(columns.recommendation) ?? cells[0]).paragraphs.flatMap(Self.lines) {
            let lower = line.lowercased()
            if lower.hasPrefix("source of position") {
                source = Self.afterColon(line)
            } else if lower.hasPrefix("comments:") || lower.hasPrefix("comment:") {
                comments.append(Self.afterColon(line))
            } else {
                textLines.append(line)
            }
        }
        let full = textLines.joined(separator: " ").collapsingWhitespace()
        let number = OHCHRThematicListParser.paragraphNumber(in: full)
        paragraph = number?.number ?? ""
        text = number.map { String($0.rest) } ?? full
        responseSource = source?.isEmpty == false ? source : nil
        reportSymbol = responseSource.flatMap(Self.reportSymbol(fromSource:))
        if responseSource == nil {
            let comment = comments.isEmpty ? "" : " (comment: “\(comments.joined(separator: " "))”)"
            missingSourceWarning = "paragraph \(paragraph): no source of position\(comment)"
        } else {
            missingSourceWarning = nil
        }

        var states = RecommendingStatesExtractor.states(in: text)
        if states.isEmpty, let column = cell(columns.states) {
            // Egypt's list has a column of states, one per line; the text is the better source when it has them.
            states = column.paragraphs.flatMap(Self.lines)
        }
        if states.isEmpty { warnings.append("paragraph \(paragraph): no recommending state found in the text") }
        self.states = states

        let position = (cell(columns.position)?.paragraphs.joined(separator: " ") ?? "").collapsingWhitespace()
        switch position.lowercased().trimmingCharacters(in: ["."]) {
        case "supported":
            response = .supported
        case "noted":
            response = .noted
        case "supported/noted", "supported / noted", "partially supported":
            // Not a formal category: the state supported part of the recommendation. Only what enjoys the
            // state's support counts as supported (HRC resolution 5/1, para. 32), so the whole is noted.
            response = .noted
            warnings.append("paragraph \(paragraph): position “\(position)” (partly supported) imported as noted")
        case "":
            throw ImportError(
                file: fileName, row: rowNumber, paragraph: paragraph, column: "Position",
                message: "the recommendation has no position; expected Supported or Noted")
        default:
            throw ImportError(
                file: fileName, row: rowNumber, paragraph: paragraph, column: "Position",
                message: "unknown position “\(position)”; expected Supported or Noted")
        }

        var themesCell = ThematicListThemesCell(paragraphs: cell(columns.themes)?.paragraphs ?? [])
        themes = themesCell.themes
        affectedPersons = themesCell.affectedPersons
        if let sdgColumn = cell(columns.sdgs) {
            let sdgCell = ThematicListThemesCell(sdgParagraphs: sdgColumn.paragraphs)
            sdgs = sdgCell.sdgs.reduce(into: themesCell.sdgs) { goals, goal in
                if !goals.contains(goal) { goals.append(goal) }
            }
            themesCell = sdgCell
        } else {
            sdgs = themesCell.sdgs
        }
        for unread in themesCell.unreadSDGs {
            warnings.append("paragraph \(paragraph): “\(unread)” names no Sustainable Development Goal")
        }
    }

    /// A paragraph's lines (Word line breaks), normalised and without blank ones.
    private static func lines(_ paragraph: String) -> [String] {
        paragraph.split(whereSeparator: \.isNewline).map { String($0).collapsingWhitespace() }.filter { !$0.isEmpty }
    }

    private static func afterColon(_ line: String) -> String {
        guard let colon = line.firstIndex(of: ":") else { return "" }
        return String(line[line.index(after: colon)...]).trimmingSpaces()
    }

    /// "A/HRC/28/15/Add.1 - Para. 3" → "A/HRC/28/15"; nil when the source is not a UN document symbol.
    static func reportSymbol(fromSource source: String) -> String? {
        guard let token = source.split(whereSeparator: \.isWhitespace).first, token.hasPrefix("A/") else { return nil }
        var symbol = String(token).trimmingCharacters(in: [",", ";", ".", ":"])
        if let addendum = symbol.range(of: "/Add.", options: .caseInsensitive) {
            symbol = String(symbol[..<addendum.lowerBound])
        }
        return symbol
    }
}
