/// The ten columns of the annex 8.1 matrix, in printed order.
enum MatrixColumn: Int, CaseIterable, Sendable {
    case recNumber
    case recommendingStates
    case recommendation
    case response
    case otherMechanismsNational
    case otherMechanismsInternational
    case goal
    case expectedAction
    case indicators
    case responsibleBody

    /// The heading that spans the two mechanism columns in the XLSX header (the annex's wording, grammar included).
    static let mechanismsGroupHeading = "Was the same recommendations made by other mechanisms?"
    static let nationalSubheading = "National"
    static let internationalSubheading = "International"

    /// The heading of a column on one header row, as the CSV prints it.
    var flatHeading: String {
        switch self {
        case .otherMechanismsNational: "\(Self.mechanismsGroupHeading) – \(Self.nationalSubheading)"
        case .otherMechanismsInternational: "\(Self.mechanismsGroupHeading) – \(Self.internationalSubheading)"
        default: heading
        }
    }

    /// The heading as the annex prints it; for the two mechanism columns, the second-row sub-heading.
    var heading: String {
        switch self {
        case .recNumber: "Rec #"
        case .recommendingStates: "RS"
        case .recommendation: "Recommendation(s)"
        case .response: "Response"
        case .otherMechanismsNational: Self.nationalSubheading
        case .otherMechanismsInternational: Self.internationalSubheading
        case .goal: "Goal to be achieved"
        case .expectedAction: "Expected action from Government"
        case .indicators: "Indicators/data to track progress of implementation"
        case .responsibleBody: "Government body responsible for recommendation"
        }
    }

    var isMechanism: Bool { self == .otherMechanismsNational || self == .otherMechanismsInternational }

    var keyPath: WritableKeyPath<MatrixRow, String> {
        switch self {
        case .recNumber: \.recNumber
        case .recommendingStates: \.recommendingStates
        case .recommendation: \.recommendation
        case .response: \.response
        case .otherMechanismsNational: \.otherMechanismsNational
        case .otherMechanismsInternational: \.otherMechanismsInternational
        case .goal: \.goal
        case .expectedAction: \.expectedAction
        case .indicators: \.indicators
        case .responsibleBody: \.responsibleBody
        }
    }

    /// Column widths in the XLSX, in characters: the narrowest and widest the content may make the column.
    var widthRange: ClosedRange<Int> {
        switch self {
        case .recNumber: 9...12
        case .recommendingStates: 14...24
        case .recommendation: 50...50
        case .response: 12...14
        case .otherMechanismsNational, .otherMechanismsInternational: 16...24
        case .goal, .expectedAction, .indicators: 36...36
        case .responsibleBody: 24...30
        }
    }

    /// The other spellings a person (or another program) may give the heading, already normalised.
    private var aliases: [String] {
        switch self {
        case .recNumber: ["rec#", "rec.#", "recno", "recno.", "rec.no.", "recommendation#", "recommendationno."]
        case .recommendingStates:
            ["rs", "recommendingstate(s)", "recommendingstates", "recommendingstate", "state(s)", "states"]
        case .recommendation: ["recommendation(s)", "recommendations", "recommendation"]
        case .response: ["response", "responses"]
        case .otherMechanismsNational: ["national"]
        case .otherMechanismsInternational: ["international"]
        default: [Self.normalize(heading)]
        }
    }

    /// The heading's comparison key: lower case, white space (line breaks too) removed, dashes unified.
    static func normalize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace { continue }
            switch scalar.value {
            case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: out.append("-")
            default: out.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        return String(out)
    }

    private static let normalizedGroupHeading = normalize(mechanismsGroupHeading)

    /// Whether `normalized` is the spanning heading of the two mechanism columns (question mark optional).
    static func isGroupHeading(_ normalized: String) -> Bool {
        normalized == normalizedGroupHeading || normalized + "?" == normalizedGroupHeading
    }

    /// The column a header cell names, if any. The mechanism columns are recognised alone ("National") or with
    /// the group heading in front ("Was the same …? – National", "…: National", "… (National)").
    static func matching(_ cell: String) -> MatrixColumn? {
        let key = normalize(cell)
        guard !key.isEmpty else { return nil }
        if let column = allCases.first(where: { $0.aliases.contains(key) }) { return column }
        let group = normalizedGroupHeading.dropLast()  // without "?"
        guard key.hasPrefix(group) else { return nil }
        let rest = key.dropFirst(group.count).trimmingPrefix(while: { "?-–:/(".contains($0) })
        let subheading = rest.hasSuffix(")") ? rest.dropLast() : rest
        switch subheading {
        case "national": return .otherMechanismsNational
        case "international": return .otherMechanismsInternational
        default: return nil
        }
    }
}
