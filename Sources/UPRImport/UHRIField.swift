/// A field of a Universal Human Rights Index (UHRI) record, by the names the two export formats give it.
public enum UHRIField: String, Sendable, CaseIterable, Hashable {
    case text
    case countries
    case body
    case symbol
    case themes
    case affectedPersons
    case sdgs
    case publicationDate
    case recommendingStates
    case position
    case type
    case annotationID
    case session
    case regions
    case recommendingRegions
    case indexedDate
    case cycle

    /// The XLSX headings that name the field, OHCHR's own spelling first (its export misspells "Recommending");
    /// empty for the field only the JSON has.
    public var workbookHeadings: [String] {
        switch self {
        case .text: ["Text"]
        case .countries: ["Countries Concerned"]
        case .body: ["Reccomending Body", "Recommending Body"]
        case .symbol: ["Document Symbol"]
        case .themes: ["Themes"]
        case .affectedPersons: ["Affected Persons"]
        case .sdgs: ["Sdgs", "SDGs"]
        case .publicationDate: ["Document Publication Date"]
        case .recommendingStates: ["UPR Reccomending States", "UPR Recommending States"]
        case .position: ["UPR Position"]
        case .type: ["Type"]
        case .annotationID: ["OHCHR Annotation Id"]
        case .session: ["UPR Session"]
        case .regions: ["Regions Concerned"]
        case .recommendingRegions: ["Recommending Regions"]
        case .indexedDate: ["Date of publication on UHRI"]
        case .cycle: []
        }
    }

    /// The member name in the JSON export.
    public var jsonKey: String {
        switch self {
        case .text: "Text"
        case .countries: "Countries"
        case .body: "Body"
        case .symbol: "Symbol"
        case .themes: "Themes"
        case .affectedPersons: "AffectedPersons"
        case .sdgs: "Sdgs"
        case .publicationDate: "PublicationDate"
        case .recommendingStates: "UprRecommendingCountry"
        case .position: "UprPositions"
        case .type: "AnnotationType"
        case .annotationID: "AnnotationId"
        case .session: "UprSession"
        case .regions: "Regions"
        case .recommendingRegions: "UprRecommendingRegions"
        case .indexedDate: "PublicationDateOnUhri"
        case .cycle: "UprCycle"
        }
    }

    /// The fields without which a record cannot be read: what it says, about whom, by whom, what kind, and its key.
    public static let required: [UHRIField] = [.text, .countries, .body, .type, .annotationID]

    /// Whether the field holds a list: one value per line in the XLSX, an array in the JSON.
    var isList: Bool {
        switch self {
        case .countries, .themes, .affectedPersons, .sdgs, .recommendingStates, .position, .session, .regions,
            .recommendingRegions:
            true
        default: false
        }
    }

    /// The field a heading names, ignoring case and spacing.
    static func matching(heading: String) -> UHRIField? {
        let key = normalizedHeading(heading)
        return byHeading[key]
    }

    private static let byHeading: [String: UHRIField] = {
        var map: [String: UHRIField] = [:]
        for field in allCases {
            for heading in field.workbookHeadings { map[normalizedHeading(heading)] = field }
        }
        return map
    }()

    private static func normalizedHeading(_ text: String) -> String {
        text.lowercased().split { $0.isWhitespace }.joined(separator: " ")
    }

    /// The field a JSON member names: exactly, or failing that ignoring case.
    static func matching(jsonKey key: String) -> UHRIField? {
        if let field = byJSONKey[key] { return field }
        return byLowercasedJSONKey[key.lowercased()]
    }

    private static let byJSONKey = Dictionary(uniqueKeysWithValues: allCases.map { ($0.jsonKey, $0) })
    private static let byLowercasedJSONKey = Dictionary(
        uniqueKeysWithValues: allCases.map { ($0.jsonKey.lowercased(), $0) })
}
