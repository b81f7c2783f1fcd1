import Foundation

/// Where a record came from: the file, the row (or paragraph) in it, and when it was read.
public struct Provenance: Sendable, Hashable, Codable {
    public var file: String
    /// 1-based data row for CSV files (the header is row 1), or the table row in a Word file.
    public var row: Int
    public var importedAt: Date?

    public init(file: String, row: Int, importedAt: Date? = nil) {
        self.file = file
        self.row = row
        self.importedAt = importedAt
    }
}

/// What a record is: a recommendation made to the state, or a voluntary pledge the state made itself.
public enum RecordKind: String, Sendable, Codable, CaseIterable, Hashable {
    case recommendation
    case voluntaryPledge = "voluntary-pledge"
}

/// One recommendation as an importer reads it, before storage: one paragraph of a review, however many states
/// made it.
public struct RecommendationRecord: Sendable, Hashable, Codable {
    public var kind: RecordKind
    public var stateUnderReview: String
    /// UPR Working Group session, when known.
    public var session: Int?
    public var cycle: Int?
    /// Working Group report symbol (`A/HRC/30/6`), when known.
    public var reportSymbol: String?
    /// Paragraph such as `108.42`, when the source numbers it.
    public var paragraph: String?
    public var text: String
    public var recommendingStates: [String]
    public var response: Response
    /// Document that states the response (`A/HRC/30/6/Add.1`), when known.
    public var responseSource: String?
    public var actionCategory: ActionCategory?
    public var mechanism: Mechanism
    /// UPR Info issues (canonical names).
    public var issues: [String]
    /// OHCHR themes as printed.
    public var themes: [OHCHRTheme]
    public var affectedPersons: [String]
    /// SDG goal numbers.
    public var sdgs: [Int]
    /// Regional group of the state under review (UPR Info `To-Rgrp`).
    public var regionalGroup: String?
    /// Rows that together make this record (a joint recommendation spans several export rows).
    public var provenance: [Provenance]

    public init(
        kind: RecordKind = .recommendation, stateUnderReview: String, session: Int? = nil, cycle: Int? = nil,
        reportSymbol: String? = nil,
        paragraph: String? = nil, text: String, recommendingStates: [String], response: Response,
        responseSource: String? = nil, actionCategory: ActionCategory? = nil, mechanism: Mechanism = .upr,
        issues: [String] = [], themes: [OHCHRTheme] = [], affectedPersons: [String] = [], sdgs: [Int] = [],
        regionalGroup: String? = nil, provenance: [Provenance] = []
    ) {
        self.kind = kind
        self.stateUnderReview = stateUnderReview
        self.session = session
        self.cycle = cycle ?? session.flatMap(Cycle.of(session:))
        self.reportSymbol = reportSymbol
        self.paragraph = paragraph
        self.text = text
        self.recommendingStates = recommendingStates
        self.response = response
        self.responseSource = responseSource
        self.actionCategory = actionCategory
        self.mechanism = mechanism
        self.issues = issues
        self.themes = themes
        self.affectedPersons = affectedPersons
        self.sdgs = sdgs
        self.regionalGroup = regionalGroup
        self.provenance = provenance
    }

    /// Natural key within the state under review: session or report symbol, then paragraph or normalised text.
    public var naturalKey: String {
        let review = session.map { "s\($0)" } ?? reportSymbol ?? "?"
        // A pledge can repeat a recommendation's words; it is still another record.
        let kindPrefix = kind == .voluntaryPledge ? "pledge|" : ""
        return stateUnderReview + "|" + review + "|" + kindPrefix + TextKey.naturalKey(paragraph: paragraph, text: text)
    }

    /// The seed clusters this recommendation falls under, from its issues and themes.
    public var clusters: [Cluster] {
        var seen = Set<Cluster>()
        var out: [Cluster] = []
        for cluster in issues.compactMap(UPRInfoIssue.cluster(of:)) + themes.compactMap(\.cluster)
        where seen.insert(cluster).inserted {
            out.append(cluster)
        }
        return out
    }
}
