import UPRDomain

/// Turns the rows of a UPR Info export into records, merging the rows of one joint recommendation.
struct UPRInfoRowGrouper {
    /// What makes two rows the same recommendation.
    private struct Key: Hashable {
        var state: String
        var session: Int
        var text: String
    }

    private let fileName: String
    private let header: UPRInfoHeader
    private let columns: (to: Int, text: Int, from: Int, response: Int, session: Int)
    private let optional: (region: Int?, action: Int?, issue: Int?)

    private var records: [RecommendationRecord] = []
    private var recordByKey: [Key: Int] = [:]
    /// The first row's response as written, per record, to name it in a conflict warning.
    private var firstResponse: [String] = []
    /// Rows and responses of records whose rows disagree on the response.
    private var conflicts: [Int: [(row: Int, response: String)]] = [:]
    /// Parsed values per distinct cell text: the same few strings repeat on every row, and parsing them (Foundation
    /// trimming and lowercasing in the domain's parsers) is what made the import slow.
    private var responseByText: [String: (kind: RecordKind, response: Response)?] = [:]
    private var actionByText: [String: ActionCategory?] = [:]
    private var issuesByCell: [String: (names: [String], unknown: [String])] = [:]
    private var canonicalIssueByName: [String: String?] = [:]
    private var unknownIssues: [String: (firstRow: Int, count: Int)] = [:]
    private var unknownIssueOrder: [String] = []
    private var unknownStateRows: [Int] = []
    private var rowCount = 0

    init(fileName: String, header: UPRInfoHeader, expectedRows: Int = 0) {
        self.fileName = fileName
        records.reserveCapacity(expectedRows)
        recordByKey.reserveCapacity(expectedRows)
        firstResponse.reserveCapacity(expectedRows)
        self.header = header
        // readHeader has checked that the required columns exist.
        columns = (
            header.index(of: .to) ?? 0, header.index(of: .text) ?? 0, header.index(of: .from) ?? 0,
            header.index(of: .response) ?? 0, header.index(of: .session) ?? 0
        )
        optional = (header.index(of: .toRegionalGroup), header.index(of: .action), header.index(of: .issue))
    }

    /// Reads one data row (1-based `row`, the header being row 1) into a new record or the one it belongs to.
    mutating func add(_ fields: [String], row: Int) throws(ImportError) {
        guard fields.count == header.names.count else {
            throw ImportError(
                file: fileName, row: row,
                message: "expected \(header.names.count) fields as in the header row, found \(fields.count)")
        }
        rowCount += 1
        let state = fields[columns.to].trimmedWhitespace().decodingNumericCharacterReferences()
        guard !state.isEmpty else { throw error(row, .to, "the state under review is empty") }
        let text = fields[columns.text].trimmedWhitespace().decodingNumericCharacterReferences()
        guard !text.isEmpty else { throw error(row, .text, "the recommendation text is empty") }
        let from = fields[columns.from].trimmedWhitespace().decodingNumericCharacterReferences()

        let responseText = fields[columns.response].trimmedWhitespace()
        let parsedResponse: (kind: RecordKind, response: Response)?
        if let cached = responseByText[responseText] {
            parsedResponse = cached
        } else {
            parsedResponse = Self.response(parsing: responseText)
            responseByText[responseText] = .some(parsedResponse)
        }
        guard let (kind, response) = parsedResponse else {
            throw error(row, .response, "unknown response “\(responseText)”; expected Accepted, Noted or Supported")
        }

        let sessionText = fields[columns.session].trimmedWhitespace()
        guard let session = Int(sessionText), session > 0 else {
            throw error(row, .session, "the session must be a positive whole number, found “\(sessionText)”")
        }

        var action: ActionCategory?
        if let index = optional.action {
            let actionText = fields[index].trimmedWhitespace()
            if !actionText.isEmpty {
                let parsed: ActionCategory?
                if let cached = actionByText[actionText] {
                    parsed = cached
                } else {
                    parsed = ActionCategory(parsing: actionText)
                    actionByText[actionText] = .some(parsed)
                }
                guard let category = parsed else {
                    throw error(row, .action, "the action category must be 1 to 5 or empty, found “\(actionText)”")
                }
                action = category
            }
        }
        let issues = optional.issue.map { issueNames(fields[$0], row: row) } ?? []
        let provenance = Provenance(file: fileName, row: row)

        let key = Key(state: state, session: session, text: text.normalizedTextKey())
        if let index = recordByKey[key] {
            merge(
                into: index, from: from, row: row, kind: kind, response: response, responseText: responseText,
                issues: issues, provenance: provenance)
            return
        }
        var states: [String] = []
        if from == UPRInfoExportParser.unknownState || from.isEmpty {
            unknownStateRows.append(row)
        } else {
            states.append(from)
        }
        let region = optional.region.map { fields[$0].trimmedWhitespace() }
        recordByKey[key] = records.count
        firstResponse.append(responseText)
        records.append(
            RecommendationRecord(
                kind: kind, stateUnderReview: state, session: session, text: text, recommendingStates: states,
                response: response, actionCategory: action, mechanism: .upr, issues: issues,
                regionalGroup: region?.isEmpty == false ? region : nil, provenance: [provenance]))
    }

    private mutating func merge(
        into index: Int, from: String, row: Int, kind: RecordKind, response: Response, responseText: String,
        issues: [String], provenance: Provenance
    ) {
        if from == UPRInfoExportParser.unknownState || from.isEmpty {
            unknownStateRows.append(row)
        } else if !records[index].recommendingStates.contains(from) {
            records[index].recommendingStates.append(from)
        }
        for issue in issues where !records[index].issues.contains(issue) {
            records[index].issues.append(issue)
        }
        if records[index].kind != kind || records[index].response != response || conflicts[index] != nil {
            if conflicts[index] == nil {
                conflicts[index] = records[index].provenance.map { ($0.row, firstResponse[index]) }
            }
            conflicts[index]?.append((row, responseText))
        }
        records[index].provenance.append(provenance)
    }

    /// Splits the comma-separated `Issue` cell into canonical issue names, keeping unknown names as written.
    private mutating func issueNames(_ cell: String, row: Int) -> [String] {
        guard !cell.isEmpty else { return [] }
        let parsed: (names: [String], unknown: [String])
        if let cached = issuesByCell[cell] {
            parsed = cached
        } else {
            parsed = issues(inCell: cell)
            issuesByCell[cell] = parsed
        }
        for raw in parsed.unknown {
            if let seen = unknownIssues[raw] {
                unknownIssues[raw] = (seen.firstRow, seen.count + 1)
            } else {
                unknownIssues[raw] = (row, 1)
                unknownIssueOrder.append(raw)
            }
        }
        return parsed.names
    }

    private mutating func issues(inCell cell: String) -> (names: [String], unknown: [String]) {
        var names: [String] = []
        var unknown: [String] = []
        for part in cell.split(separator: ",") {
            let raw = String(part).trimmedWhitespace()
            guard !raw.isEmpty else { continue }
            let canonical: String?
            if let cached = canonicalIssueByName[raw] {
                canonical = cached
            } else {
                canonical = UPRInfoIssue.canonical(raw)
                canonicalIssueByName[raw] = .some(canonical)
            }
            if canonical == nil && !unknown.contains(raw) { unknown.append(raw) }
            let name = canonical ?? raw
            if !names.contains(name) { names.append(name) }
        }
        return (names, unknown)
    }

    /// UPR Info's responses, and "Voluntary Pledge" for the pledges export.
    private static func response(parsing text: String) -> (kind: RecordKind, response: Response)? {
        if text.lowercased() == UPRInfoExportParser.voluntaryPledge { return (.voluntaryPledge, .supported) }
        return Response(parsing: text).map { (.recommendation, $0) }
    }

    private func error(_ row: Int, _ column: UPRInfoColumn, _ message: String) -> ImportError {
        let index = header.index(of: column)
        return ImportError(
            file: fileName, row: row, column: index.flatMap(header.name(ofField:)) ?? column.rawValue, message: message)
    }

    /// The records in order of first appearance, with the warnings collected on the way.
    func finish() -> ParsedFile {
        var warnings: [String] = []
        for index in conflicts.keys.sorted() {
            guard let rows = conflicts[index] else { continue }
            let record = records[index]
            let rowList = rows.map { String($0.row) }.joined(separator: ", ")
            let responses = rows.map(\.response).joined(separator: ", ")
            let review = "\(record.stateUnderReview), session \(record.session ?? 0)"
            warnings.append(
                "rows \(rowList) (\(review), “\(Self.excerpt(record.text))”) are one recommendation but give "
                    + "different responses (\(responses)); kept \(firstResponse[index]) from row \(rows[0].row)")
        }
        for name in unknownIssueOrder {
            guard let seen = unknownIssues[name] else { continue }
            let more = seen.count > 1 ? " and \(seen.count - 1) more rows" : ""
            warnings.append("row \(seen.firstRow)\(more): unknown issue “\(name)” kept as written")
        }
        if let first = unknownStateRows.first {
            warnings.append(
                "\(unknownStateRows.count) row(s) from row \(first) on do not name the recommending state "
                    + "(From “\(UPRInfoExportParser.unknownState)”)")
        }
        return ParsedFile(
            fileName: fileName, format: .uprInfo, rowCount: rowCount, records: records, warnings: warnings)
    }

    private static func excerpt(_ text: String) -> String {
        text.count <= 60 ? text : String(text.prefix(57)) + "…"
    }
}
