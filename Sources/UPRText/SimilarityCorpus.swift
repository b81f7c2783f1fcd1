import Foundation
import UPRDomain

/// Turns data files into the `(id, text)` documents a `SimilarityIndex` is built from.
///
/// This is the file-based side; the product feeds database rows (`(id: recommendation id, text)`) straight
/// to `SimilarityIndex.init` or `TextCommandsCore.similar(documents:…)`.
public enum SimilarityCorpus {
    /// One document per recommendation of a UPR Info export: rows with the same state under review, session
    /// and white-space-normalised text are one recommendation (the export repeats a joint recommendation once
    /// per recommending state). The id is the 1-based data row of its first occurrence.
    public static func uprInfoRecommendations(_ table: CSVTable) -> [(id: Int, text: String)] {
        let text = table.column("Text")
        let to = table.column("To")
        let session = table.column("Session")
        var seen = Set<String>()
        var documents: [(id: Int, text: String)] = []
        for (offset, row) in table.rows.enumerated() {
            let body = CSVTable.field(row, text)
            let key = CSVTable.field(row, to) + "\u{1F}" + CSVTable.field(row, session) + "\u{1F}"
                + TextKey.normalize(body)
            if seen.insert(key).inserted { documents.append((offset + 1, body)) }
        }
        return documents
    }

    /// One document per data row of any CSV with a text column (`Text` or `text`), id = 1-based data row.
    public static func rows(_ table: CSVTable, textColumn: String = "text") -> [(id: Int, text: String)] {
        let column = table.column(textColumn)
        return table.rows.enumerated().map { ($0.offset + 1, CSVTable.field($0.element, column)) }
    }
}
