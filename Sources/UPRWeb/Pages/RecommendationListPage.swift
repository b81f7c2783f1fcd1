import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// The recommendations list: search box, filters, sortable results, paging. Works as a plain GET form, so it needs
/// no JavaScript and every result page has its own address.
struct RecommendationListView: Encodable {
    typealias Option = SelectOption
    /// A filter menu. Its options are markup made here: a list page shows some 700 of them (the states twice, the
    /// sessions, the issues, the SDG targets), and Leaf's loop over that many was a third of the page's time.
    struct Select: Encodable {
        var name: String
        var label: String
        var options: SafeHTML

        init(name: String, label: String, options: [Option]) {
            self.name = name
            self.label = label
            self.options = Option.html(options)
        }
    }
    struct Row: Encodable {
        var href: SiteRoute
        var reference: String
        var text: String
        var state: String
        var stateHref: SiteRoute
        var recommendingStates: String?
        var response: String?
        var responseClass: String
        /// "Concern or observation", for a record that is not a recommendation.
        var concern: String?
        var action: String?
        var clusters: String?
        var cycleSession: String
    }
    var layout: Layout
    var heading: String
    var action: SiteRoute
    var q: String
    var selects: [Select]
    var recommendingState: String
    /// The `<option>`s of the recommending states' datalist.
    var recommendingStates: SafeHTML
    /// The document-symbol box, shown when some record has a symbol.
    var showsSymbol: Bool
    var symbol: String
    /// The "only recurring recommendations" box is ticked.
    var recurring: Bool
    var summary: String
    var rows: [Row]
    var hasRows: Bool
    var paging: Paging
    var apiHref: SiteRoute
    var clearHref: SiteRoute
    var filtered: Bool

    static func load(_ request: Request) async throws -> RecommendationListView {
        let filter = try RecommendationFilter(parameters: request.queryParameters)
        let sql = try request.sql()
        async let pageResult = RecommendationSearch.run(filter, on: sql, cache: request.application.searchCache)
        async let optionsResult = FilterOptions.load(on: sql)
        return make(filter: filter, page: try await pageResult, options: try await optionsResult, request.page)
    }

    /// The page from one page of results and the filters' choices.
    static func make(
        filter: RecommendationFilter, page: RecommendationPage, options: FilterOptions, _ context: PageContext
    ) -> RecommendationListView {
        let t = context.t

        func option(_ value: String, _ label: String, _ selected: Bool) -> Option {
            Option(value: value, label: label, selected: selected)
        }
        let any = option("", t("common.any"), false)
        var selects: [Select] = []
        selects.append(
            Select(
                name: "state", label: t("filter.state"),
                options: [any]
                    + options.statesUnderReview.map {
                        option($0, $0, $0.lowercased() == filter.state?.lowercased())
                    }))
        selects.append(
            Select(
                name: "cycle", label: t("filter.cycle"),
                options: [any]
                    + Cycle.all.map { option(String($0), t("cycle.n", ["n": String($0)]), $0 == filter.cycle) }))
        selects.append(
            Select(
                name: "session", label: t("filter.session"),
                options: [any] + options.sessions.map { option(String($0), String($0), $0 == filter.session) }))
        selects.append(
            Select(
                name: "response", label: t("filter.response"),
                options: [any]
                    + UPRDomain.Response.allCases.map { option($0.rawValue, t.response($0), $0 == filter.response) }))
        selects.append(
            Select(
                name: "cluster", label: t("filter.cluster"),
                options: [any] + Cluster.allCases.map { option($0.rawValue, t.cluster($0), $0 == filter.cluster) }))
        selects.append(
            Select(
                name: "issue", label: t("filter.issue"),
                options: [any]
                    + options.terms.map { term in
                        let label = term.taxonomy == "issue" ? t.issue(term.name) : term.name
                        let selected =
                            filter.issue.map { $0 == term.code || $0.lowercased() == term.name.lowercased() } ?? false
                        return option(term.code, label, selected)
                    }))
        selects.append(
            Select(
                name: "actionCategory", label: t("filter.actionCategory"),
                options: [any]
                    + ActionCategory.allCases.map {
                        option(String($0.rawValue), "\($0.rawValue) – " + t.action($0), $0 == filter.actionCategory)
                    }))
        selects.append(
            Select(
                name: "kind", label: t("filter.kind"),
                options: [any]
                    + RecordKind.allCases.map { option($0.rawValue, t("kind.\($0.rawValue)"), $0 == filter.kind) }))
        // One mechanism in the registry (a UPR-only installation) makes the menu a choice of one.
        if options.mechanisms.count > 1 {
            // A choice is offered when some mechanism it stands for made a record.
            let choices = MechanismFilter.all.filter { !Set($0.mechanisms).isDisjoint(with: options.mechanisms) }
            selects.append(
                Select(
                    name: "mechanism", label: t("filter.mechanism"),
                    options: [any]
                        + choices.map { choice in
                            let label: String
                            switch choice {
                            case .treatyBodies: label = t("filter.mechanism.treatyBodies")
                            case .one(let mechanism):
                                label =
                                    mechanism.isTreatyBody
                                    ? "– \(mechanism.abbreviation) · \(t.mechanism(mechanism))" : t.mechanism(mechanism)
                            }
                            return option(choice.value, label, choice == filter.mechanism)
                        }))
        }
        // The bodies are UHRI's own names (data, not interface text), so they are shown as UHRI writes them. A
        // body asked for in the address that no record has stays chosen, so the form says what the list shows.
        if !options.bodies.isEmpty {
            var bodies = options.bodies
            if let asked = filter.body, !bodies.contains(where: { $0.lowercased() == asked.lowercased() }) {
                bodies.append(asked)
            }
            selects.append(
                Select(
                    name: "body", label: t("filter.body"),
                    options: [any]
                        + bodies.map { option($0, $0, $0.lowercased() == filter.body?.lowercased()) }))
        }
        if !options.sdgTargets.isEmpty {
            var targets = options.sdgTargets
            if let asked = filter.sdgTarget, !targets.contains(asked) { targets.append(asked) }
            selects.append(
                Select(
                    name: "sdgTarget", label: t("filter.sdgTarget"),
                    options: [any]
                        + targets.map {
                            option(
                                $0.code, t("sdg.target", ["code": $0.code]) + " · " + t.sdg($0.goal),
                                $0 == filter.sdgTarget)
                        }))
        }
        selects.append(
            Select(
                name: "sort", label: t("filter.sort"),
                options: RecommendationFilter.Sort.allCases.map {
                    option($0.rawValue, t("sort.\($0.rawValue)"), $0 == filter.effectiveSort)
                }))

        let rows = page.items.map { item in
            Row(
                href: SiteRoute.recommendation(item.id),
                reference: reference(item),
                text: item.text,
                state: item.stateUnderReview,
                stateHref: SiteRoute.state(item.stateUnderReview),
                recommendingStates: item.recommendingStates.isEmpty
                    ? nil : item.recommendingStates.joined(separator: ", "),
                // Nobody answers a concern or observation: its row says what it is instead of "pending".
                response: item.kind == .concernObservation ? nil : t.response(item.response),
                responseClass: item.response.rawValue,
                concern: item.kind == .concernObservation ? t("kind.\(item.kind.rawValue)") : nil,
                action: item.actionCategory.map {
                    "\($0.rawValue) – " + t.action($0)
                },
                clusters: item.clusters.isEmpty
                    ? nil : item.clusters.map(t.cluster).joined(separator: ", "),
                cycleSession: [
                    item.cycle.map { t("cycle.n", ["n": String($0)]) },
                    item.session.map { t("filter.session") + " " + String($0) },
                ].compactMap { $0 }.joined(separator: ", "))
        }
        let first = page.total == 0 ? 0 : (page.page - 1) * page.per + 1
        let last = min(page.page * page.per, page.total)
        let summary =
            page.total == 0
            ? t("recs.none")
            : t(
                "recs.showing",
                ["first": t.number(first), "last": t.number(last), "total": t.number(page.total)])
        return RecommendationListView(
            layout: Layout(context, title: t("recs.title"), section: .recommendations),
            heading: filter.q.map { t("recs.searchTitle", ["q": $0]) } ?? t("recs.title"),
            action: SiteRoute.recommendations(RecommendationFilter()),
            q: filter.q ?? "",
            selects: selects,
            recommendingState: filter.recommendingState ?? "",
            recommendingStates: datalist(options.recommendingStates),
            showsSymbol: options.hasSymbols || filter.symbol != nil,
            symbol: filter.symbol ?? "",
            recurring: filter.recurring == true,
            summary: summary,
            rows: rows,
            hasRows: !rows.isEmpty,
            paging: Paging(page: page.page, pages: page.pages, t: t) { .recommendations(filter, page: $0) },
            apiHref: .api(.recommendations(filter, page: page.page)),
            clearHref: SiteRoute.recommendations(RecommendationFilter()),
            filtered: !filter.isEmpty)
    }
}

extension RecommendationListView {
    /// The options of a `<datalist>`: values only, which the browser offers as the person types.
    static func datalist(_ values: [String]) -> SafeHTML {
        var out = SafeHTML.Builder(capacity: values.count * 32)
        for value in values {
            out.raw("<option value=\"")
            out.text(value)
            out.raw("\">")
        }
        return out.html
    }

    /// How a row names its record: the paragraph for the UPR (whose session the row gives), and the mechanism,
    /// document symbol and paragraph for the others, since a committee's paragraph 23 says nothing alone.
    static func reference(_ item: RecommendationSummary) -> String {
        let paragraph = item.paragraph ?? "#\(item.id)"
        guard item.mechanism != .upr else { return paragraph }
        let document = item.reportSymbol ?? item.mechanism.abbreviation
        return item.paragraph.map { "\(document) ¶ \($0)" } ?? document
    }
}

extension Request {
    /// The query string as a flat dictionary (the last value wins when a name repeats).
    var queryParameters: [String: String] {
        guard let query = url.query, !query.isEmpty else { return [:] }
        var out: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = parts.first.map(String.init)?.removingPercentEncoding else { continue }
            let raw = parts.count > 1 ? String(parts[1]) : ""
            out[name] = raw.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? raw
        }
        return out
    }
}
