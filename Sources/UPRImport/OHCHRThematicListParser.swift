import Foundation
import UPRDomain

/// Reads an OHCHR thematic list of recommendations (Word .docx) into one record per recommendation.
///
/// The list is a table: an optional header row, theme heading rows ("Theme: A12 Acceptance of international
/// norms", "Right or area: 2.1. …"), and one row per recommendation: the paragraph number and text with the
/// recommending states and a "Source of position" line, the position, the themes with affected persons and SDGs,
/// and in cycle 4 a separate SDG column. Layouts differ between cycles and states; columns are found by their
/// header, rows by their content.
public enum OHCHRThematicListParser {
    /// Parses a .docx file.
    public static func parse(data: Data, fileName: String) throws(ImportError) -> ParsedFile {
        let package = try DocxPackage(data: data, fileName: fileName)
        let tables: [DocxTable]
        do {
            tables = try DocxTableExtractor.tables(in: package.documentXML)
        } catch {
            let line = error.line.map { " at line \($0)" } ?? ""
            throw ImportError(file: fileName, message: "\(DocxPackage.documentPath)\(line): \(error.message)")
        }
        // A damaged page header only costs the state and session, which the file name can still give.
        let headerParagraphs = package.headerXMLs.flatMap { (try? DocxTableExtractor.paragraphs(in: $0)) ?? [] }
        let review = ThematicListReview(headerParagraphs: headerParagraphs, fileName: fileName)
        return try parse(tables: tables, review: review, fileName: fileName)
    }

    /// Parses tables already extracted from a thematic list.
    public static func parse(tables: [DocxTable], review: ThematicListReview, fileName: String) throws(ImportError)
        -> ParsedFile
    {
        var records: [RecommendationRecord] = []
        var indexByParagraph: [String: Int] = [:]
        var warnings: [String] = []
        // Rows are numbered from 1 across all tables of the document, the header row included.
        var rowNumber = 0
        for table in tables {
            var columns = ThematicListColumns()
            var heading: OHCHRTheme?
            // Odd rows matter only in a table of recommendations, not in a cover or contents table.
            var skippedRows: [String] = []
            let recordsBefore = records.count
            for row in table.rows {
                rowNumber += 1
                guard let firstCell = row.cells.first else { continue }
                let firstText = firstCell.paragraphs.joined(separator: " ").collapsingWhitespace()
                if Self.paragraphNumber(in: firstText) == nil {
                    if let header = ThematicListColumns(header: row.cells) {
                        columns = header
                    } else if row.cells.dropFirst().allSatisfy(\.isBlank), !firstText.isEmpty {
                        heading = OHCHRTheme(heading: Self.headingText(firstText))
                    } else if !row.cells.allSatisfy(\.isBlank) {
                        skippedRows.append(
                            "table row \(rowNumber): not a recommendation, a theme heading or a header; skipped")
                    }
                    continue
                }
                var row = try ThematicListRow(
                    cells: row.cells, columns: columns, rowNumber: rowNumber, fileName: fileName)
                warnings += row.warnings
                if let heading, !row.themes.contains(where: { $0.name.lowercased() == heading.name.lowercased() }) {
                    row.themes.append(heading)
                }
                if let index = indexByParagraph[row.paragraph] {
                    warnings += merge(row, into: &records[index], fileName: fileName)
                    continue
                }
                if let missingSource = row.missingSourceWarning { warnings.append(missingSource) }
                indexByParagraph[row.paragraph] = records.count
                records.append(
                    RecommendationRecord(
                        kind: .recommendation, stateUnderReview: review.stateUnderReview, session: review.session,
                        cycle: review.cycle, reportSymbol: row.reportSymbol, paragraph: row.paragraph, text: row.text,
                        recommendingStates: row.states, response: row.response, responseSource: row.responseSource,
                        mechanism: .upr, themes: row.themes, affectedPersons: row.affectedPersons, sdgs: row.sdgs,
                        provenance: [Provenance(file: fileName, row: rowNumber)]))
            }
            if records.count > recordsBefore { warnings += skippedRows }
        }
        guard !records.isEmpty else {
            throw ImportError(
                file: fileName,
                message: "no table of recommendations found (no table row starts with a paragraph number such as "
                    + "“115.3”)")
        }
        fillReportSymbols(&records)
        return ParsedFile(
            fileName: fileName, format: .ohchrDocx, rowCount: rowNumber, records: records, warnings: warnings)
    }

    /// The paragraph number that opens a recommendation ("115.3", "166.6."), and where the text after it starts.
    static func paragraphNumber(in text: String) -> (number: String, rest: Substring)? {
        var index = text.startIndex
        var groups = 0
        var number = ""
        while index < text.endIndex {
            let digits = text[index...].prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 4 else { break }
            number += digits
            groups += 1
            index = digits.endIndex
            guard index < text.endIndex, text[index] == "." else { break }
            let next = text.index(after: index)
            // "115.3." ends with a full stop; "115.3 Ratify" does not. Either way a space follows.
            if next == text.endIndex || !(text[next].isASCII && text[next].isNumber) {
                index = next
                break
            }
            number += "."
            index = next
        }
        guard groups >= 2, index < text.endIndex, text[index].isWhitespace else { return nil }
        return (number, text[index...].drop(while: \.isWhitespace))
    }

    /// "Theme: A12 Acceptance of international norms" and "Right or area: 2.1. …" without their label.
    private static func headingText(_ text: String) -> String {
        guard let colon = text.firstIndex(of: ":") else { return text }
        let label = text[..<colon].lowercased()
        let labels: Set<String> = ["theme", "themes", "right or area", "rights or areas", "area", "issue", "cluster"]
        return labels.contains(label.trimmingSpaces())
            ? String(text[text.index(after: colon)...]).trimmingSpaces() : text
    }

    /// Adds a repeated paragraph's row (the same recommendation filed under another theme) to its record.
    private static func merge(_ row: ThematicListRow, into record: inout RecommendationRecord, fileName: String)
        -> [String]
    {
        var warnings: [String] = []
        for state in row.states where !record.recommendingStates.contains(state) {
            record.recommendingStates.append(state)
        }
        for theme in row.themes where !record.themes.contains(theme) { record.themes.append(theme) }
        for person in row.affectedPersons where !record.affectedPersons.contains(person) {
            record.affectedPersons.append(person)
        }
        for goal in row.sdgs where !record.sdgs.contains(goal) { record.sdgs.append(goal) }
        let firstRow = record.provenance.first?.row ?? 0
        if row.response != record.response {
            warnings.append(
                "paragraph \(row.paragraph): table rows \(firstRow) and \(row.rowNumber) give different positions; "
                    + "kept \(record.response.rawValue) from row \(firstRow)")
        }
        if row.text.collapsingWhitespace() != record.text.collapsingWhitespace() {
            warnings.append(
                "paragraph \(row.paragraph): table rows \(firstRow) and \(row.rowNumber) give different texts; kept "
                    + "the text of row \(firstRow)")
        }
        record.responseSource = record.responseSource ?? row.responseSource
        record.reportSymbol = record.reportSymbol ?? row.reportSymbol
        record.provenance.append(Provenance(file: fileName, row: row.rowNumber))
        return warnings
    }

    /// All recommendations of a list come from one Working Group report; rows whose position cites no document
    /// (a comment instead) get the report the other rows cite.
    private static func fillReportSymbols(_ records: inout [RecommendationRecord]) {
        var counts: [String: Int] = [:]
        for symbol in records.compactMap(\.reportSymbol) { counts[symbol, default: 0] += 1 }
        guard let common = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { return }
        for index in records.indices where records[index].reportSymbol == nil {
            records[index].reportSymbol = common
        }
    }
}
