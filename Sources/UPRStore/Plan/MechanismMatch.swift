import Foundation
import SQLKit
import UPRDomain

/// A recommendation to the same state that says the same thing as another, made by the other side: for a UPR
/// recommendation, a treaty body's or a special procedure's; for those, a UPR one. A suggestion carries its cosine;
/// an accepted link carries none when the index no longer ranks it above the threshold.
public struct MechanismMatch: Sendable, Codable, Equatable {
    public var recommendationID: Int
    public var mechanism: Mechanism
    /// The document's symbol (`CEDAW/C/MNG/CO/8-9`, `A/HRC/16/5`), when the source gives it.
    public var reportSymbol: String?
    public var paragraph: String?
    public var text: String
    public var score: Double?

    public init(
        recommendationID: Int, mechanism: Mechanism, reportSymbol: String?, paragraph: String?, text: String,
        score: Double? = nil
    ) {
        self.recommendationID = recommendationID
        self.mechanism = mechanism
        self.reportSymbol = reportSymbol
        self.paragraph = paragraph
        self.text = text
        self.score = score
    }

    /// How the link reads in the matrix's "international" column, the same in every language (symbols are not
    /// translated): `CEDAW/C/MNG/CO/8-9 ¶ 13 (CEDAW)`.
    public var line: String {
        let document = reportSymbol ?? "#\(recommendationID)"
        return (paragraph.map { document + " ¶ " + $0 } ?? document) + " (" + mechanism.abbreviation + ")"
    }

    /// The columns `init(row:)` reads, from `recommendations r JOIN reviews v`.
    static let columns = "r.id AS match_id, r.mechanism, r.paragraph, r.text, v.report_symbol"

    init(row: any SQLRow) throws {
        recommendationID = try row.decode(column: "match_id", as: Int.self)
        mechanism = try row.decodeCode(Mechanism.self, column: "mechanism")
        reportSymbol = try row.decode(column: "report_symbol", as: String?.self)
        paragraph = try row.decode(column: "paragraph", as: String?.self)
        text = try row.decode(column: "text", as: String.self)
    }

    /// What the person typed in the "international" column of an uploaded matrix, without the lines the export
    /// wrote there for `links` (so a matrix exported and uploaded again does not copy its links into the text).
    public static func freeText(_ cell: String, without links: [MechanismMatch]) -> String {
        let generated = Set(links.map(\.line))
        return cell.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !generated.contains($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
