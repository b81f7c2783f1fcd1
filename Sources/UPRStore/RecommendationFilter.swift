import Foundation
import UPRDomain

/// What a person asks of the recommendations list or the search API. Parameter names are the same on the pages, in
/// the API and in the CLI.
public struct RecommendationFilter: Sendable, Hashable, Codable {
    public enum Sort: String, Sendable, Codable, CaseIterable {
        case relevance, newest, oldest, state, paragraph
    }

    public var q: String?
    public var state: String?
    public var cycle: Int?
    public var session: Int?
    public var response: Response?
    public var recommendingState: String?
    public var cluster: Cluster?
    /// A UPR Info issue or an OHCHR theme, by code or name.
    public var issue: String?
    public var actionCategory: ActionCategory?
    public var kind: RecordKind?
    /// The mechanism that made the record, or every treaty body.
    public var mechanism: MechanismFilter?
    /// The document the record is from, by its UN symbol (`CEDAW/C/MNG/CO/8-9`, `A/HRC/30/6`), in any case.
    public var symbol: String?
    /// The body that made the record as UHRI names it (`Committee against Torture`, `CRC-OP-SC`, `SR on torture`),
    /// in any case: finer than the mechanism, since a mechanism's optional protocols and mandates are bodies of
    /// their own.
    public var body: String?
    /// One of the 169 SDG targets the record is linked to.
    public var sdgTarget: SDGTarget?
    /// True: only recommendations made again to the same state (similar text in another cycle or by another
    /// mechanism); false: only the others.
    public var recurring: Bool?
    public var sort: Sort?
    public var page: Int = 1
    public var per: Int = RecommendationFilter.defaultPageSize

    public static let defaultPageSize = 20
    public static let maxPageSize = 100
    public static let maxQueryLength = 500
    /// The names of the parameters, in the order the pages show them.
    public static let parameterNames = [
        "q", "state", "cycle", "session", "response", "recommendingState", "cluster", "issue", "actionCategory", "kind",
        "mechanism", "symbol", "body", "sdgTarget", "recurring", "sort", "page", "per",
    ]

    public init() {}

    /// Reads and validates query parameters. Unknown parameters are ignored; a bad value is an error naming the
    /// parameter, never a silent default.
    ///
    /// The list page's form sends every menu, so an empty value there means "any" (`emptyIsAbsent`). The API's
    /// document types the number, boolean and choice parameters, and an empty string is none of them: the API reads
    /// with `emptyIsAbsent: false`, so an empty typed parameter is refused as its contract says. Free text (`q`,
    /// the state names, the issue) may always be empty.
    public init(parameters: [String: String], emptyIsAbsent: Bool = true) throws(FilterError) {
        func value(_ name: String) -> String? {
            guard let raw = parameters[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else {
                return nil
            }
            return raw
        }
        func typed(_ name: String) -> String? {
            emptyIsAbsent ? value(name) : parameters[name]?.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        func integer(_ name: String, in range: ClosedRange<Int>) throws(FilterError) -> Int? {
            guard let raw = typed(name) else { return nil }
            guard let number = Int(raw), range.contains(number) else {
                throw FilterError(
                    parameter: name, value: raw, messageKey: "filter.error.range",
                    arguments: ["min": String(range.lowerBound), "max": String(range.upperBound)])
            }
            return number
        }
        if let q = value("q") {
            guard q.count <= Self.maxQueryLength else {
                throw FilterError(
                    parameter: "q", value: String(q.prefix(40)) + "…", messageKey: "filter.error.tooLong",
                    arguments: ["max": String(Self.maxQueryLength)])
            }
            self.q = q
        }
        state = value("state")
        recommendingState = value("recommendingState")
        issue = value("issue")
        symbol = value("symbol")
        body = value("body")
        cycle = try integer("cycle", in: 1...4)
        session = try integer("session", in: 1...999)
        if let raw = typed("response") {
            // The importers' reading of a response is lenient (an empty cell is pending); a filter takes only the
            // values the API document lists.
            let accepted = Response.allCases.map(\.rawValue) + ["accepted"]
            guard accepted.contains(raw.lowercased()), let response = Response(parsing: raw) else {
                throw FilterError(
                    parameter: "response", value: raw, messageKey: "filter.error.choice",
                    arguments: ["choices": Response.allCases.map(\.rawValue).joined(separator: ", ")])
            }
            self.response = response
        }
        if let raw = typed("cluster") {
            guard let cluster = Cluster(rawValue: raw.lowercased()) else {
                throw FilterError(
                    parameter: "cluster", value: raw, messageKey: "filter.error.choice",
                    arguments: ["choices": Cluster.allCases.map(\.rawValue).joined(separator: ", ")])
            }
            self.cluster = cluster
        }
        if let category = try integer("actionCategory", in: 1...5) {
            actionCategory = ActionCategory(rawValue: category)
        }
        if let raw = typed("kind") {
            guard let kind = RecordKind(rawValue: raw.lowercased()) else {
                throw FilterError(
                    parameter: "kind", value: raw, messageKey: "filter.error.choice",
                    arguments: ["choices": RecordKind.allCases.map(\.rawValue).joined(separator: ", ")])
            }
            self.kind = kind
        }
        if let raw = typed("mechanism") {
            guard let mechanism = MechanismFilter(parameter: raw) else {
                throw FilterError(
                    parameter: "mechanism", value: raw, messageKey: "filter.error.choice",
                    arguments: ["choices": MechanismFilter.allValues.joined(separator: ", ")])
            }
            self.mechanism = mechanism
        }
        if let raw = typed("sdgTarget") {
            // 169 choices are too many to list in a message; the message names the form instead.
            guard let target = SDGTarget(code: raw) else {
                throw FilterError(
                    parameter: "sdgTarget", value: raw, messageKey: "filter.error.sdgTarget", arguments: [:])
            }
            sdgTarget = target
        }
        // A boolean as the OpenAPI document types it: `true` or `false` and nothing else (the list's box sends
        // `true`), so the API and its contract agree on what is accepted.
        if let raw = typed("recurring") {
            switch raw {
            case "true": recurring = true
            case "false": recurring = false
            default:
                throw FilterError(
                    parameter: "recurring", value: raw, messageKey: "filter.error.choice",
                    arguments: ["choices": "true, false"])
            }
        }
        if let raw = typed("sort") {
            guard let sort = Sort(rawValue: raw.lowercased()) else {
                throw FilterError(
                    parameter: "sort", value: raw, messageKey: "filter.error.choice",
                    arguments: ["choices": Sort.allCases.map(\.rawValue).joined(separator: ", ")])
            }
            self.sort = sort
        }
        page = try integer("page", in: 1...1_000_000) ?? 1
        // Larger pages are not an error: they are capped, and the response says which size it used.
        per = min(try integer("per", in: 1...1_000_000) ?? Self.defaultPageSize, Self.maxPageSize)
    }

    /// The sort in force: relevance when there is a query, else the newest review first.
    public var effectiveSort: Sort {
        if let sort, sort != .relevance || q != nil { return sort }
        return q == nil ? .newest : .relevance
    }

    /// The parameters that reproduce this filter (without paging), for links.
    public var queryItems: [(String, String)] {
        var items: [(String, String)] = []
        if let q { items.append(("q", q)) }
        if let state { items.append(("state", state)) }
        if let cycle { items.append(("cycle", String(cycle))) }
        if let session { items.append(("session", String(session))) }
        if let response { items.append(("response", response.rawValue)) }
        if let recommendingState { items.append(("recommendingState", recommendingState)) }
        if let cluster { items.append(("cluster", cluster.rawValue)) }
        if let issue { items.append(("issue", issue)) }
        if let actionCategory { items.append(("actionCategory", String(actionCategory.rawValue))) }
        if let kind { items.append(("kind", kind.rawValue)) }
        if let mechanism { items.append(("mechanism", mechanism.value)) }
        if let symbol { items.append(("symbol", symbol)) }
        if let body { items.append(("body", body)) }
        if let sdgTarget { items.append(("sdgTarget", sdgTarget.code)) }
        if let recurring { items.append(("recurring", String(recurring))) }
        if let sort { items.append(("sort", sort.rawValue)) }
        if per != Self.defaultPageSize { items.append(("per", String(per))) }
        return items
    }

    /// True when nothing narrows the list.
    public var isEmpty: Bool {
        q == nil && state == nil && cycle == nil && session == nil && response == nil && recommendingState == nil
            && cluster == nil && issue == nil && actionCategory == nil && kind == nil && mechanism == nil
            && symbol == nil && body == nil && sdgTarget == nil && recurring == nil
    }
}

/// A query parameter with a value the product cannot use. `messageKey` and `arguments` go through the
/// localization layer; `description` is the English form for logs and the CLI.
public struct FilterError: Error, Sendable, Equatable, CustomStringConvertible {
    public var parameter: String
    public var value: String
    public var messageKey: String
    public var arguments: [String: String]

    public var description: String {
        switch messageKey {
        case "filter.error.range":
            "Parameter “\(parameter)”: “\(value)” is not a whole number from \(arguments["min"] ?? "") to \(arguments["max"] ?? "")."
        case "filter.error.choice":
            "Parameter “\(parameter)”: “\(value)” is not one of \(arguments["choices"] ?? "")."
        case "filter.error.sdgTarget":
            "Parameter “\(parameter)”: “\(value)” is not one of the 169 SDG targets (such as 16.3 or 16.a)."
        case "filter.error.tooLong":
            "Parameter “\(parameter)” is longer than \(arguments["max"] ?? "") characters."
        default: "Parameter “\(parameter)”: “\(value)” is not valid."
        }
    }
}
