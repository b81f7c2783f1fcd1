import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// The indicators, filtered by state, working group, responsible ministry and type, with the latest accepted value
/// against the target and whether each passes the SMART check.
struct IndicatorListView: Encodable {
    typealias Option = SelectOption
    struct Row: Encodable {
        var href: SiteRoute
        var title: String
        var kind: String
        var responsible: String
        var latest: String
        var target: String
        var smart: String
        var smartPasses: Bool
    }
    var layout: Layout
    var heading: String
    /// The filter menus' options and the table's body are markup made here, not loops in the template: the state
    /// menu alone has some 200 options, and Leaf's loop over options and rows was half of the page's time.
    var states: SafeHTML
    var groups: SafeHTML
    var organisations: SafeHTML
    var kinds: SafeHTML
    var rows: SafeHTML
    var hasRows: Bool
    var summary: String
    var canCreate: Bool
    /// The same indicators with their measurements as a spreadsheet.
    var csvHref: SiteRoute
    var xlsxHref: SiteRoute

    static func filter(_ request: Request) -> IndicatorFilter {
        func text(_ name: String) -> String? {
            (try? request.query.get(String.self, at: name)).flatMap { $0.isEmpty ? nil : $0 }
        }
        return IndicatorFilter(
            state: text("state"), workingGroupID: text("group").flatMap(Int.init),
            organisationID: text("organisation").flatMap(Int.init), kind: text("kind").flatMap(IndicatorKind.init))
    }

    static func load(_ request: Request) async throws -> IndicatorListView {
        let sql = try request.sql()
        let context = request.page
        let filter = filter(request)
        let items = try await IndicatorStore(sql).list(filter, includeDrafts: context.allows(.readDrafts))
        return make(filter: filter, items: items, choices: try await PlanMatrixChoices.load(on: sql), context)
    }

    /// The page from the indicators the filter finds (those the person may read) and the filters' choices.
    static func make(
        filter: IndicatorFilter, items: [IndicatorListItem], choices: PlanMatrixChoices, _ context: PageContext
    ) -> IndicatorListView {
        let t = context.t
        let none = Option(value: "", label: t("common.all"), selected: false)
        func value(_ number: Double?, _ unit: String, _ date: String?) -> String {
            guard let number else { return "" }
            return IndicatorFields.number(number) + (unit.isEmpty ? "" : " " + unit) + (date.map { " (\($0))" } ?? "")
        }
        let heading = t("indicator.list.title")
        return IndicatorListView(
            layout: Layout(context, title: heading, section: .indicators), heading: heading,
            states: Option.html(
                [none] + choices.states.map { Option(value: $0, label: $0, selected: $0 == filter.state) }),
            groups: Option.html(
                [none]
                    + choices.workingGroups.map {
                        Option(value: String($0.id), label: $0.name, selected: $0.id == filter.workingGroupID)
                    }),
            organisations: Option.html(
                [none]
                    + choices.governmentBodies.map {
                        Option(value: String($0.id), label: $0.name, selected: $0.id == filter.organisationID)
                    }),
            kinds: Option.html(
                [none]
                    + IndicatorKind.allCases.map {
                        Option(value: $0.rawValue, label: t($0.labelKey), selected: $0 == filter.kind)
                    }),
            rows: bodyHTML(
                items.map { item in
                    Row(
                        href: SiteRoute.indicator(item.id), title: item.title, kind: t(item.kind.labelKey),
                        responsible: item.responsibleName ?? "",
                        latest: value(item.latestValue, item.unit, item.latestDate),
                        target: value(item.targetValue, item.unit, item.targetDate),
                        smart: t(item.smartPasses ? "smart.passesAll" : "smart.incomplete"),
                        smartPasses: item.smartPasses)
                }, t),
            hasRows: !items.isEmpty, summary: t("indicator.list.summary", ["count": t.number(items.count)]),
            // The list's link opens the form with no plan entry, so it asks the rule for an indicator of no entry's
            // group: a CSO member creates one from a plan entry of their group (its page has the link) instead.
            canCreate: context.allows(.createIndicator(entryGroupIDs: [])),
            csvHref: .indicatorsExport(filter, format: .csv), xlsxHref: .indicatorsExport(filter, format: .xlsx))
    }
}

extension IndicatorListView {
    /// The table's rows; each cell carries its column's name for the phone layout, which shows a row as a card.
    static func bodyHTML(_ rows: [Row], _ t: Translator) -> SafeHTML {
        let labels = [
            "indicator.field.kind", "indicator.field.responsibleOrganisation", "indicator.latest", "indicator.target",
            "smart.title",
        ].map { t($0) }
        let titleLabel = t("indicator.field.title")
        var out = SafeHTML.Builder(capacity: rows.count * 600)
        for row in rows {
            out.raw("<tr><th scope=\"row\" data-label=\"")
            out.text(titleLabel)
            out.raw("\"><a href=\"")
            out.text(row.href.href)
            out.raw("\">")
            out.text(row.title)
            out.raw("</a></th>")
            for (label, value) in zip(labels, [row.kind, row.responsible, row.latest, row.target, row.smart]) {
                out.raw("<td data-label=\"")
                out.text(label)
                out.raw("\">")
                out.text(value)
                out.raw("</td>")
            }
            out.raw("</tr>")
        }
        return out.html
    }
}
