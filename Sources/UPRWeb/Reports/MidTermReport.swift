import Foundation
import UPRDocument
import UPRDomain
import UPRLocalization
import UPRStore

/// The draft mid-term report, composed once and written as DOCX or as HTML: a summary (facts, status by cluster
/// and by response), then per cluster each recommendation with its response, responsible bodies, the actions of
/// the plan, the ministry's answer and each stakeholder's assessment in the latest round.
struct MidTermReport {
    /// A part of the report: text the DOCX and the HTML share, or a chart that the HTML draws above its table.
    enum Part {
        case block(WordDocument.Block)
        case chart(svg: SafeHTML, chart: WordChart, table: WordDocument.Table)
    }

    var title: String
    var language: Language
    var parts: [Part]

    init(_ data: MidTermReportData, t: Translator) {
        language = t.language
        title = t("report.title", ["state": data.state])
        var parts: [Part] = [.block(.title(title))]
        func add(_ block: WordDocument.Block) { parts.append(.block(block)) }
        func field(_ label: String, _ value: String) {
            guard !value.isEmpty else { return }
            add(.paragraph([WordDocument.Run(label + ": ", bold: true), WordDocument.Run(value)]))
        }
        add(.paragraph([WordDocument.Run(t("report.draftNote", ["date": t.date(data.generatedAt)]), italic: true)]))
        add(.heading(1, t("report.summary")))
        field(t("round.state"), data.state)
        field(t("report.cycle"), t.number(data.cycle))
        field(
            t("dashboard.review"),
            [data.reviewDate.flatMap { Timestamp.date($0 + "T00:00:00Z") }.map { t.date($0) }, data.reportSymbol]
                .compactMap { $0 }.joined(separator: ", "))
        let supported = data.items.filter { $0.response == .supported }.count
        let noted = data.items.filter { $0.response == .noted }.count
        field(
            t("report.recommendations"),
            t(
                "report.recommendationsValue",
                ["total": t.number(data.items.count), "supported": t.number(supported), "noted": t.number(noted)]))
        field(t("dashboard.round"), data.round.map { $0.title } ?? t("report.noRound"))

        let statuses = DashboardStatus.allCases
        let columns = statuses.map { t($0.labelKey) } + [t("round.total")]
        func status(_ item: MidTermReportData.Item) -> DashboardStatus {
            // Everyone's most cautious view, as on the dashboard.
            DashboardStatus.mostCautious(item.assessments.map(\.status))
        }
        func breakdown(_ heading: String, _ groups: [(String, [MidTermReportData.Item])]) {
            let counts = groups.map { label, items in
                (label, statuses.map { wanted in items.filter { status($0) == wanted }.count })
            }
            let table = WordDocument.Table(
                header: [heading] + columns,
                rows: counts.map { label, values in [label] + values.map(t.number) + [t.number(values.reduce(0, +))] },
                widths: [4] + Array(repeating: 2, count: columns.count))
            let chart = StackedBarChart(
                id: "report-\(parts.count)", title: heading,
                description: t("report.chartDescription", ["round": data.round?.title ?? ""]),
                series: DashboardView.series.map { key, color, dark in
                    StackedBarChart.Series(key: key.rawValue, label: t(key.labelKey), color: color, darkText: dark)
                }, bars: counts.map { StackedBarChart.Bar(label: $0.0, values: $0.1) },
                totalLabel: { "n = " + t.number($0) }, number: { t.number($0) })
            add(.heading(2, heading))
            let native = WordChart(
                title: heading, description: chart.description, categories: counts.map(\.0),
                series: zip(DashboardView.series, statuses).map { item, status in
                    WordChart.Series(
                        name: t(status.labelKey), color: String(item.1.dropFirst()).uppercased(),
                        values: counts.map { $0.1[statuses.firstIndex(of: status)!] })
                })
            parts.append(.chart(svg: chart.svg, chart: native, table: table))
        }
        let clusters = data.byCluster
        breakdown(
            t("dashboard.chart.cluster"),
            clusters.map { ($0.cluster.map { t("cluster.\($0)") } ?? t("dashboard.none.cluster"), $0.items) })
        breakdown(
            t("dashboard.chart.response"),
            [Response.supported, .noted].map { response in
                (t.response(response), data.items.filter { $0.response == response })
            })

        for (cluster, items) in clusters {
            add(.pageBreak)
            add(.heading(1, cluster.map { t("cluster.\($0)") } ?? t("report.otherRecommendations")))
            for item in items {
                let reference = item.paragraph ?? "#\(item.id)"
                add(
                    .heading(
                        2, reference + (item.recommendingStates.isEmpty ? "" : " (" + item.recommendingStates + ")")))
                add(.quote(item.text))
                field(t("col.response"), t.response(item.response))
                if let plan = item.plan {
                    let bodies = [plan.leadOrganisationName].compactMap { $0 } + plan.supporterNames
                    field(t("plan.lead"), bodies.joined(separator: ", "))
                    field(t("plan.goal"), plan.fields.goal)
                    field(t("plan.expectedAction"), plan.fields.expectedAction)
                    field(t("plan.indicators"), plan.fields.indicators)
                    field(t("plan.otherNational"), plan.fields.otherMechanismsNational)
                    // The accepted links by symbol and paragraph, then what the working group typed.
                    field(t("plan.otherInternational"), plan.internationalColumn)
                    field(t("plan.csoActivities"), plan.fields.csoActivities)
                    if let answer = plan.governmentAnswer {
                        field(
                            t("plan.answer"),
                            t("answer.\(answer.rawValue)")
                                + (plan.governmentComment.isEmpty ? "" : " – " + plan.governmentComment))
                    }
                    field(t("plan.due"), plan.fields.dueDate ?? "")
                } else {
                    add(.paragraph([WordDocument.Run(t("report.noPlan"), italic: true)]))
                }
                if !item.indicators.isEmpty {
                    add(
                        .table(
                            WordDocument.Table(
                                header: [
                                    t("report.indicator"), t("report.baseline"), t("report.latest"),
                                    t("report.target"), t("report.progress"),
                                ],
                                rows: item.indicators.map { Self.indicatorRow($0, t) }, widths: [5, 2, 2, 2, 2])))
                }
                if item.assessments.isEmpty {
                    add(.paragraph([WordDocument.Run(t("report.noAssessment"), italic: true)]))
                } else {
                    add(
                        .table(
                            WordDocument.Table(
                                header: [
                                    t("assessment.organisation"), t("round.perspective"), t("assessment.status"),
                                    t("assessment.justification"),
                                ],
                                rows: item.assessments.map { assessment in
                                    [
                                        assessment.organisationName, t(assessment.perspective.labelKey),
                                        t(assessment.status.labelKey),
                                        assessment.justification
                                            + (assessment.evidenceURL.map { "\n" + $0 } ?? ""),
                                    ]
                                }, widths: [3, 2, 2, 5])))
                }
            }
        }
        self.parts = parts
    }

    /// An indicator's line: its values with their dates and units, and how far it has come towards the target.
    static func indicatorRow(_ indicator: IndicatorListItem, _ t: Translator) -> [String] {
        func value(_ number: Double?, _ date: String?) -> String {
            guard let number else { return "–" }
            let text = IndicatorFields.number(number) + (indicator.unit.isEmpty ? "" : " " + indicator.unit)
            return date.map { text + " (" + $0 + ")" } ?? text
        }
        return [
            indicator.title, value(indicator.baselineValue, indicator.baselineDate),
            value(indicator.latestValue, indicator.latestDate), value(indicator.targetValue, indicator.targetDate),
            indicator.progress.map { t.number(Int(($0 * 100).rounded())) + "%" } ?? "–",
        ]
    }

    var document: WordDocument {
        var document = WordDocument(title: title, language: language.rawValue)
        for part in parts {
            switch part {
            case .block(let block): document.blocks.append(block)
            case .chart(_, let chart, let table):
                document.blocks.append(.chart(chart))
                document.blocks.append(.table(table))
            }
        }
        return document
    }

    var docx: Data { DocxWriter.data(document) }

    /// A standalone HTML document (styles inline, no external assets) that a browser or a word processor opens.
    var html: SafeHTML {
        var out = SafeHTML.Builder(capacity: 256 * 1024)
        out.append("<!doctype html><html lang=\"\(language.rawValue)\"><head><meta charset=\"utf-8\">")
        out.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
        out.text(title)
        out.raw("</title><style>")
        out.raw(Self.style)
        out.raw("</style></head><body><main>")
        for part in parts {
            switch part {
            case .block(let block): Self.html(block, into: &out)
            case .chart(let svg, _, let table):
                out.raw("<figure>")
                out.append(svg)
                out.raw("</figure>")
                Self.html(.table(table), into: &out)
            }
        }
        out.raw("</main></body></html>")
        return out.html
    }

    static func html(_ block: WordDocument.Block, into out: inout SafeHTML.Builder) {
        func runs(_ runs: [WordDocument.Run]) {
            for run in runs {
                if run.bold { out.raw("<strong>") }
                if run.italic { out.raw("<em>") }
                out.text(run.text)
                if run.italic { out.raw("</em>") }
                if run.bold { out.raw("</strong>") }
            }
        }
        switch block {
        case .title(let text):
            out.raw("<h1>")
            out.text(text)
            out.raw("</h1>")
        case .heading(let level, let text):
            // The title is the page's h1; report headings start one level down.
            let level = min(level + 1, 4)
            out.append("<h\(level)>")
            out.text(text)
            out.append("</h\(level)>")
        case .paragraph(let content):
            out.raw("<p>")
            runs(content)
            out.raw("</p>")
        case .quote(let text):
            out.raw("<blockquote><p>")
            out.text(text)
            out.raw("</p></blockquote>")
        case .table(let table):
            out.raw("<table><thead><tr>")
            for heading in table.header {
                out.raw("<th scope=\"col\">")
                out.text(heading)
                out.raw("</th>")
            }
            out.raw("</tr></thead><tbody>")
            for row in table.rows {
                out.raw("<tr>")
                for (index, cell) in row.enumerated() {
                    out.raw(index == 0 ? "<th scope=\"row\">" : "<td>")
                    out.text(cell)
                    out.raw(index == 0 ? "</th>" : "</td>")
                }
                out.raw("</tr>")
            }
            out.raw("</tbody></table>")
        case .pageBreak: out.raw("<hr>")
        // The HTML draws a report's charts as SVG (`Part.chart`); a Word chart has no HTML form of its own.
        case .chart: break
        }
    }

    static let style: StaticString = """
        body{font-family:Arial,sans-serif;color:#0b0c0c;line-height:1.45;margin:0;padding:1rem}main{max-width:60rem;\
        margin:0 auto}table{border-collapse:collapse;width:100%;margin:0 0 1.5rem}th,td{border:1px solid #b1b4b6;\
        padding:.3rem .5rem;text-align:left;vertical-align:top}thead th{background:#f3f2f1}blockquote{margin:0 0 1rem;\
        padding-left:1rem;border-left:6px solid #b1b4b6}figure{margin:0 0 1rem}svg{max-width:48rem;display:block}\
        svg text{font-size:12px}svg text:not([fill]){fill:#0b0c0c}hr{border:0;border-top:2px solid #b1b4b6;margin:2rem 0}\
        @media print{hr{page-break-after:always;border:0}}
        """
}
