import UPRDomain

/// Turns the fields of one UHRI annotation, as either export format gives them, into a record, and collects what
/// a person should check: values it could not use, and annotations that appear twice.
///
/// Both formats meet here so that they read every field the same way; they differ only in where a fault is (a row
/// or a record), in the field names a message uses, and in the JSON's text being HTML.
struct UHRIRecordMapper {
    /// The fields of one annotation: each a list of cleaned, non-empty values (a single value is a list of one).
    typealias Entry = [UHRIField: [String]]

    private let fileName: String
    private let format: UHRIFormat
    /// The names messages give the fields: the headings the file uses, or the JSON's member names.
    private let fieldNames: [UHRIField: String]
    /// Where each annotation was first seen, to skip a repeat (the key of a later import must be unique).
    private var firstPlace: [AnnotationID: Int] = [:]
    private var notes = UHRIWarnings()
    /// Parsed values per distinct text: a few hundred themes and SDG targets repeat over the whole export, and
    /// parsing each anew (Foundation's trimming in `OHCHRTheme`) was a fifth of the reading time. Bounded, so that
    /// a file of all-different values cannot make them grow without end.
    private var themeByHeading: [String: OHCHRTheme] = [:]
    /// The workbook's serials count from 1904 (see `SheetGrid.date1904`).
    var date1904 = false
    private var sdgByValue: [String: SDGReading] = [:]
    private static let cacheLimit = 10_000

    /// What an SDG value names.
    private enum SDGReading {
        case target(SDGTarget)
        case goal(Int)
        case unknown
    }

    init(fileName: String, format: UHRIFormat, fieldNames: [UHRIField: String] = [:]) {
        self.fileName = fileName
        self.format = format
        self.fieldNames = fieldNames
    }

    /// What the mapper noticed, one line per kind of problem.
    var warnings: [String] { notes.lines(place: placeNoun) }

    /// Records a warning found outside the mapper (an unknown JSON member), at `place`.
    mutating func note(_ message: String, at place: Int) { notes.add(message, at: place) }

    /// The record of the annotation at `place` (its row or record number), or nil when it repeats an earlier one.
    mutating func record(_ entry: Entry, at place: Int) throws(ImportError) -> RecommendationRecord? {
        let id = try readAnnotationID(entry, at: place)
        if let first = firstPlace[id] {
            notes.add(
                "annotation \(id) appears again (first at \(placeNoun) \(first)); the repeat was skipped", at: place)
            return nil
        }
        firstPlace[id] = place

        guard let typeText = entry[.type]?.first else {
            throw failure(place, .type, "the type is empty; expected Recommendations or Concerns/Observations")
        }
        guard let type = AnnotationType(parsing: typeText) else {
            throw failure(
                place, .type, "unknown type “\(typeText)”; expected Recommendations or Concerns/Observations")
        }
        let countries = Self.unique(entry[.countries] ?? [])
        guard let state = countries.first else {
            throw failure(place, .countries, "no country is named; expected the state the record concerns")
        }
        let rawText = entry[.text]?.first ?? ""
        let plain = format == .json ? UHRIValue.clean(HTMLText.plainText(rawText)) : rawText
        guard !plain.isEmpty else { throw failure(place, .text, "the text is empty") }
        let (paragraph, text) = UHRIParagraph.split(plain)

        let body = entry[.body]?.first
        let symbol = entry[.symbol]?.first
        let mechanism = try readMechanism(body: body, symbol: symbol, at: place)
        // Sessions, cycles and positions are the UPR's; a treaty body's record has none of them.
        let isUPR = mechanism == .upr
        let session = try isUPR ? readSession(entry, at: place) : nil
        let cycle = isUPR ? readCycle(entry, at: place) : nil
        let positions = Self.unique(entry[.position] ?? [])
        let response = isUPR && type == .recommendation ? readResponse(positions, at: place) : .pending
        let (targets, goals) = readSDGs(entry[.sdgs] ?? [], at: place)
        let themes = (entry[.themes] ?? []).map { readTheme($0) }
        let publicationDate = try readDate(entry, .publicationDate, at: place)
        let indexedDate = try readDate(entry, .indexedDate, at: place)

        return RecommendationRecord(
            kind: type == .concernObservation ? .concernObservation : .recommendation, stateUnderReview: state,
            session: session, cycle: cycle, reportSymbol: symbol,
            paragraph: paragraph, text: text, recommendingStates: Self.unique(entry[.recommendingStates] ?? []),
            response: response, mechanism: mechanism,
            themes: Self.unique(themes),
            affectedPersons: Self.unique(entry[.affectedPersons] ?? []), sdgs: goals, sdgTargets: targets,
            provenance: [Provenance(file: fileName, row: place)], annotationID: id, annotationType: type,
            recommendingBody: body, statesConcerned: countries, regionsConcerned: Self.unique(entry[.regions] ?? []),
            positionAsGiven: positions.isEmpty ? nil : positions.joined(separator: "; "),
            publicationDate: publicationDate, indexedDate: indexedDate)
    }

    // MARK: - Fields

    private func readAnnotationID(_ entry: Entry, at place: Int) throws(ImportError) -> AnnotationID {
        guard let raw = entry[.annotationID]?.first else {
            throw failure(
                place, .annotationID,
                "the annotation id is empty; every UHRI record has one, the key by which a later import updates it")
        }
        guard let id = AnnotationID(parsing: raw) else {
            throw failure(
                place, .annotationID,
                "“\(raw)” is not a GUID; expected 32 hexadecimal digits grouped 8-4-4-4-12, such as "
                    + "“1b4e28ba-2fa1-11d2-883f-0016d3cca427”")
        }
        return id
    }

    /// From the body's name, or failing that from the document symbol's treaty-body prefix.
    private mutating func readMechanism(body: String?, symbol: String?, at place: Int) throws(ImportError) -> Mechanism
    {
        if let body, let mechanism = Mechanism(body: body) { return mechanism }
        if let symbol, let mechanism = Mechanism(documentSymbol: symbol) {
            if let body {
                notes.add("unknown body “\(body)”; the mechanism was taken from the document symbol", at: place)
            }
            return mechanism
        }
        let expected =
            "expected UPR, a treaty body (CAT, CCPR, CED, CEDAW, CERD, CESCR, CMW, CRC, CRPD, SPT) or a special "
            + "procedure (SR, IE or WG on …)"
        guard let body else {
            throw failure(place, .body, "the body is empty and the document symbol names none; " + expected)
        }
        throw failure(place, .body, "unknown body “\(body)”; " + expected)
    }

    /// `31 Session`, `Session 31`, `31st session` or `31`: the number is the only one in the text.
    private func readSession(_ entry: Entry, at place: Int) throws(ImportError) -> Int? {
        guard let raw = entry[.session]?.first else { return nil }
        let numbers = raw.split { !$0.isNumber }
        guard numbers.count == 1, let session = Int(numbers[0]), (1...200).contains(session) else {
            throw failure(place, .session, "“\(raw)” is not a UPR session; expected a number such as “31 Session”")
        }
        return session
    }

    /// `3`, `Cycle 3`, `3rd cycle` or `third cycle`; a cycle it cannot read is noted and derived from the session.
    private mutating func readCycle(_ entry: Entry, at place: Int) -> Int? {
        guard let raw = entry[.cycle]?.first else { return nil }
        let numbers = raw.split { !$0.isNumber }
        if numbers.count == 1, let cycle = Int(numbers[0]), Cycle.all.contains(cycle) { return cycle }
        let words = ["first": 1, "second": 2, "third": 3, "fourth": 4]
        if let cycle = raw.lowercased().split(separator: " ").lazy.compactMap({ words[String($0)] }).first {
            return cycle
        }
        notes.add("unknown UPR cycle “\(raw)”; the cycle was taken from the session", at: place)
        return nil
    }

    /// The formal response when every position given reads as the same one; otherwise pending, and noted.
    private mutating func readResponse(_ positions: [String], at place: Int) -> Response {
        guard !positions.isEmpty else { return .pending }
        let responses = Set(positions.compactMap(Response.init(parsing:)))
        if responses.count == 1, let response = responses.first, positions.allSatisfy({ Response(parsing: $0) != nil })
        {
            return response
        }
        notes.add(
            "UPR position “\(positions.joined(separator: "; "))” is not one of Supported or Noted; kept as given, "
                + "the response left pending", at: place)
        return .pending
    }

    /// Targets (`16.3 - Promote the rule of law …`) with their goals, and goals named alone (`16 - Peace …`).
    private mutating func readSDGs(_ values: [String], at place: Int) -> (targets: [SDGTarget], goals: [Int]) {
        var targets: [SDGTarget] = []
        var goals: [Int] = []
        for value in values {
            switch readSDG(value) {
            case .target(let target):
                if !targets.contains(target) { targets.append(target) }
                if !goals.contains(target.goal) { goals.append(target.goal) }
            case .goal(let goal):
                if !goals.contains(goal) { goals.append(goal) }
            case .unknown:
                notes.add("unknown SDG target “\(value)”, not read", at: place)
            }
        }
        return (targets, goals)
    }

    private mutating func readSDG(_ value: String) -> SDGReading {
        if let known = sdgByValue[value] { return known }
        let reading: SDGReading
        if let target = SDGTarget(parsing: value) {
            reading = .target(target)
        } else if !Self.startsWithTargetCode(value), let goal = SDG.goal(parsing: value) {
            reading = .goal(goal)
        } else {
            reading = .unknown
        }
        if sdgByValue.count < Self.cacheLimit { sdgByValue[value] = reading }
        return reading
    }

    private mutating func readTheme(_ heading: String) -> OHCHRTheme {
        if let known = themeByHeading[heading] { return known }
        let theme = OHCHRTheme(heading: heading)
        if themeByHeading.count < Self.cacheLimit { themeByHeading[heading] = theme }
        return theme
    }

    /// `16.99 …`: a code that looks like a target but is none of the 169 must not pass for its goal.
    private static func startsWithTargetCode(_ value: String) -> Bool {
        let digits = value.prefix { $0.isNumber }
        return !digits.isEmpty && value.dropFirst(digits.count).first == "."
            && value.dropFirst(digits.count + 1).first.map { $0.isNumber || $0.isLetter } == true
    }

    private func readDate(_ entry: Entry, _ field: UHRIField, at place: Int) throws(ImportError) -> CalendarDay? {
        guard let raw = entry[field]?.first else { return nil }
        guard let day = UHRIDate.day(raw, date1904: date1904) else {
            let expected =
                format == .workbook
                ? "an Excel date serial number (such as 43525 for 2019-03-01) or a YYYY-MM-DD date"
                : "an ISO 8601 date (such as 2019-03-01 or 2019-03-01T00:00:00)"
            throw failure(place, field, "“\(raw)” is not a date; expected \(expected)")
        }
        return day
    }

    // MARK: - Helpers

    private var placeNoun: String { format == .workbook ? "row" : "record" }

    private func failure(_ place: Int, _ field: UHRIField, _ message: String) -> ImportError {
        let name = fieldNames[field] ?? (format == .workbook ? field.workbookHeadings.first : nil) ?? field.jsonKey
        return format == .workbook
            ? ImportError(file: fileName, row: place, column: name, message: message)
            : ImportError(file: fileName, record: place, column: name, message: message)
    }

    private static func unique<T: Hashable>(_ values: [T]) -> [T] {
        var seen = Set<T>()
        return values.filter { seen.insert($0).inserted }
    }
}
