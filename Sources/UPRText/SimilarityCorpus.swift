import Foundation
import UPRDomain

/// One recommendation read from a file for similarity work: its text and what recurrence grouping needs.
public struct CorpusRecommendation: Sendable, Hashable {
    /// 1-based data row of its first occurrence in the file.
    public var id: Int
    /// The recommendation text.
    public var text: String
    /// State under review (empty when the file has no such column).
    public var stateUnderReview: String
    /// Working Group session, when known.
    public var session: Int?
    /// Every recommending state of the rows merged into it, in file order.
    public var recommendingStates: [String]

    /// The item `RecurrenceGrouping` takes (mechanism UPR, cycle from the session).
    public var recurrenceItem: RecurrenceItem {
        RecurrenceItem(
            id: id, stateUnderReview: stateUnderReview, recommendingStates: recommendingStates,
            cycle: session.flatMap(Cycle.of(session:)), mechanism: .upr)
    }
}

/// Turns data files into the `(id, text)` documents a `SimilarityIndex` is built from.
///
/// This is the file-based side; the product feeds database rows (`(id: recommendation id, text)`) straight
/// to `SimilarityIndex.init` or `TextTool.similar(documents:…)`.
public enum SimilarityCorpus {
    /// One entry per recommendation of a UPR Info export: rows with the same state under review, session and
    /// white-space-normalised text are one recommendation (the export repeats a joint recommendation once per
    /// recommending state). Files without `To`/`Session` columns give one entry per row with text.
    public static func recommendations(_ table: CSVTable) -> [CorpusRecommendation] {
        let text = table.column("Text")
        let to = table.column("To")
        let from = table.column("From")
        let session = table.column("Session")
        var positionOfKey: [String: Int] = [:]
        var result: [CorpusRecommendation] = []
        for (offset, row) in table.rows.enumerated() {
            let body = CSVTable.field(row, text)
            let state = CSVTable.field(row, to)
            let sessionField = CSVTable.field(row, session)
            let key = state + "\u{1F}" + sessionField + "\u{1F}" + TextKey.normalize(body)
            let recommender = CSVTable.field(row, from)
            if let position = positionOfKey[key] {
                if !recommender.isEmpty { result[position].recommendingStates.append(recommender) }
                continue
            }
            positionOfKey[key] = result.count
            result.append(
                CorpusRecommendation(
                    id: offset + 1, text: body, stateUnderReview: state,
                    session: Int(sessionField.trimmingCharacters(in: .whitespaces)),
                    recommendingStates: recommender.isEmpty ? [] : [recommender]))
        }
        return result
    }

    /// The `(id, text)` documents of `recommendations(_:)`.
    public static func uprInfoRecommendations(_ table: CSVTable) -> [(id: Int, text: String)] {
        recommendations(table).map { ($0.id, $0.text) }
    }

    /// One document per data row of any CSV with a text column (`Text` or `text`), id = 1-based data row.
    public static func rows(_ table: CSVTable, textColumn: String = "text") -> [(id: Int, text: String)] {
        let column = table.column(textColumn)
        return table.rows.enumerated().map { ($0.offset + 1, CSVTable.field($0.element, column)) }
    }
}
