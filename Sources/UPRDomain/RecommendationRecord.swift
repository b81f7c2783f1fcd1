import Foundation

/// Where a record came from: the file, the row (or paragraph) in it, and when it was read.
public struct Provenance: Sendable, Hashable, Codable {
    public var file: String
    /// 1-based data row for CSV and XLSX files (the header is row 1), the table row in a Word file, or the 1-based
    /// record number in a JSON array.
    public var row: Int
    public var importedAt: Date?

    public init(file: String, row: Int, importedAt: Date? = nil) {
        self.file = file
        self.row = row
        self.importedAt = importedAt
    }
}

/// What a record is: a recommendation made to the state, a voluntary pledge the state made itself, or a concern or
/// observation a body recorded about the state (UHRI files these beside the recommendations).
///
/// Only `recommendation` is counted as a recommendation: a pledge is the state's own, and a concern asks nothing of
/// the state. Every count of the product filters on the kind for that reason.
public enum RecordKind: String, Sendable, Codable, CaseIterable, Hashable {
    case recommendation
    case voluntaryPledge = "voluntary-pledge"
    case concernObservation = "concern-observation"
}

/// One recommendation as an importer reads it, before storage: one paragraph of a review, however many states
/// made it.
public struct RecommendationRecord: Sendable, Hashable, Codable {
    public var kind: RecordKind
    public var stateUnderReview: String
    /// UPR Working Group session, when known.
    public var session: Int?
    public var cycle: Int?
    /// The document's symbol, when known: the Working Group report (`A/HRC/30/6`) or a treaty body's concluding
    /// observations (`CEDAW/C/MNG/CO/8-9`).
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
    /// SDG targets (`16.3`), when the source names targets; their goals are in `sdgs` too.
    public var sdgTargets: [SDGTarget]
    /// Regional group of the state under review (UPR Info `To-Rgrp`).
    public var regionalGroup: String?
    /// Rows that together make this record (a joint recommendation spans several export rows).
    public var provenance: [Provenance]

    // Fields the Universal Human Rights Index (UHRI) gives and the other sources do not; nil or empty otherwise.

    /// OHCHR's key for the annotation, by which a later import of the same export updates this record.
    public var annotationID: AnnotationID?
    /// Whether UHRI files this as a recommendation or as a concern/observation.
    public var annotationType: AnnotationType?
    /// The body as the source names it: `Committee against Torture`, `CRC-OP-SC`, or a special procedure with its
    /// mandate (`SR on torture`), which `mechanism` alone would lose.
    public var recommendingBody: String?
    /// Every state the record concerns, the state under review first, when the source lists them (a
    /// special-procedure report can concern several).
    public var statesConcerned: [String]
    /// The UN regions of the states concerned, as UHRI names them.
    public var regionsConcerned: [String]
    /// The state's position on a UPR recommendation as the source words it; `response` holds its formal category.
    public var positionAsGiven: String?
    /// When the document (report, concluding observations) was published.
    public var publicationDate: CalendarDay?
    /// When the annotation appeared in the UHRI, which can be years after the document.
    public var indexedDate: CalendarDay?

    public init(
        kind: RecordKind = .recommendation, stateUnderReview: String, session: Int? = nil, cycle: Int? = nil,
        reportSymbol: String? = nil,
        paragraph: String? = nil, text: String, recommendingStates: [String], response: Response,
        responseSource: String? = nil, actionCategory: ActionCategory? = nil, mechanism: Mechanism = .upr,
        issues: [String] = [], themes: [OHCHRTheme] = [], affectedPersons: [String] = [], sdgs: [Int] = [],
        sdgTargets: [SDGTarget] = [], regionalGroup: String? = nil, provenance: [Provenance] = [],
        annotationID: AnnotationID? = nil, annotationType: AnnotationType? = nil, recommendingBody: String? = nil,
        statesConcerned: [String] = [], regionsConcerned: [String] = [], positionAsGiven: String? = nil,
        publicationDate: CalendarDay? = nil, indexedDate: CalendarDay? = nil
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
        self.sdgTargets = sdgTargets
        self.regionalGroup = regionalGroup
        self.provenance = provenance
        self.annotationID = annotationID
        self.annotationType = annotationType
        self.recommendingBody = recommendingBody
        self.statesConcerned = statesConcerned
        self.regionsConcerned = regionsConcerned
        self.positionAsGiven = positionAsGiven
        self.publicationDate = publicationDate
        self.indexedDate = indexedDate
    }

    /// A concern or observation: kept and shown, but not a recommendation the state can support or implement.
    public var isConcern: Bool { kind == .concernObservation || annotationType == .concernObservation }

    /// Natural key within the state under review: session or report symbol, then paragraph or normalised text.
    public var naturalKey: String {
        keyPrefix + TextKey.naturalKey(paragraph: paragraph, text: text)
    }

    /// The natural key written with the normalised text even when there is a paragraph number: how a source that
    /// numbers no paragraphs (UPR Info) and one that does (UHRI, an OHCHR list) find that they hold the same
    /// recommendation of the same review.
    public var textKey: String {
        keyPrefix + "text:" + TextKey.looseForm(text)
    }

    private var keyPrefix: String {
        let review = session.map { "s\($0)" } ?? reportSymbol ?? "?"
        // A pledge can repeat a recommendation's words, and a committee's concern shares its paragraph number with
        // the recommendation that answers it; each is still another record.
        let kindPrefix = kind == .voluntaryPledge ? "pledge|" : isConcern ? "concern|" : ""
        return stateUnderReview + "|" + review + "|" + kindPrefix
    }

    /// The seed clusters this recommendation falls under, from its issues and themes.
    public var clusters: [Cluster] { clusters(themeCluster: \.cluster) }

    /// The clusters, with each theme's cluster from `themeCluster`: an importer that sees the same few hundred
    /// themes on a quarter of a million records works each one's out once.
    public func clusters(themeCluster: (OHCHRTheme) -> Cluster?) -> [Cluster] {
        var seen = Set<Cluster>()
        var out: [Cluster] = []
        for cluster in issues.compactMap(UPRInfoIssue.cluster(of:)) + themes.compactMap(themeCluster)
        where seen.insert(cluster).inserted {
            out.append(cluster)
        }
        return out
    }
}
