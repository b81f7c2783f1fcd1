import Foundation
import UPRDomain
import UPRLocalization
import UPRSpreadsheet
import UPRStore
import Vapor

/// The indicator list as a spreadsheet: one row per measurement (or per indicator with none), the indicator's
/// facts repeated on each so that a filter or a pivot table needs no lookup. From the list page (what the
/// signed-in person sees there) and from the API (what the token's organisation may see).
enum IndicatorSheetView {
    /// The list page's download, with the page's filter and visibility.
    @Sendable static func export(_ request: Request, format: SpreadsheetFormat) async throws -> Vapor.Response {
        try await download(request, reader: request.actor, format: format)
    }

    /// The indicators of the request's filter as `reader` may see them (nil: the public), the list page's rule:
    /// anyone with an account sees indicators no published plan entry tracks and pending and rejected
    /// measurements.
    static func download(_ request: Request, reader: Principal?, format: SpreadsheetFormat) async throws
        -> Vapor.Response
    {
        let filter = IndicatorListView.filter(request)
        let sheet = try await IndicatorSheet.load(
            filter, includeDrafts: Authorization.allows(reader, .readDrafts), on: try request.sql())
        let t = request.t
        let scope = filter.state ?? t("sheet.allStates")
        let site = request.application.site
        let table = make(sheet, title: t("sheet.indicators.title", ["scope": scope]), t) {
            site.absolute(SiteRoute.measurementEvidence($0).href)
        }
        return format.download(
            table, sheetName: t("sheet.indicators.sheetName"),
            // The file's name is the same in every language: a Mongolian "all states" would need RFC 5987 encoding.
            name: "indicators-" + (filter.state.map(Slug.make) ?? "all-states") + "-" + Timestamp.day(Date()))
    }

    /// The table, headed in the reader's language; `evidence` is the address of a measurement's uploaded file.
    static func make(_ sheet: IndicatorSheet, title: String, _ t: Translator, evidence: (Int) -> String) -> SheetTable {
        typealias Column = SheetTable.Column
        let (baseline, target, measurement) = (t("sheet.baseline"), t("sheet.target"), t("sheet.measurement"))
        let columns = [
            Column(t("sheet.indicatorID"), width: 8...12, numeric: true),
            Column(t("indicator.field.title"), width: 30...50),
            Column(t("sheet.recommendations"), width: 14...24),
            Column(t("indicator.field.responsibleOrganisation"), width: 20...30),
            Column(t("indicator.field.dataPartners"), width: 20...30),
            Column(t("indicator.field.unit"), width: 10...20),
            Column(t("sheet.value"), group: baseline, width: 9...14, numeric: true),
            Column(t("sheet.date"), group: baseline, width: 12...12),
            Column(t("sheet.value"), group: target, width: 9...14, numeric: true),
            Column(t("sheet.date"), group: target, width: 12...12),
            Column(t("sheet.date"), group: measurement, width: 12...12),
            Column(t("sheet.value"), group: measurement, width: 9...14, numeric: true),
            Column(t("sheet.breakdown"), group: measurement, width: 20...40),
            Column(t("sheet.source"), group: measurement, width: 20...40),
            Column(t("sheet.status"), group: measurement, width: 10...16),
            Column(t("sheet.evidence"), group: measurement, width: 20...50),
        ]
        func number(_ value: Double?) -> String { value.map(IndicatorFields.number) ?? "" }
        var rows: [[String]] = []
        for line in sheet.lines {
            let item = line.indicator
            let facts = [
                String(item.id), item.title, line.references.joined(separator: ", "), item.responsibleName ?? "",
                line.dataPartners.joined(separator: ", "), item.unit, number(item.baselineValue),
                item.baselineDate ?? "", number(item.targetValue), item.targetDate ?? "",
            ]
            if line.measurements.isEmpty { rows.append(facts) }
            for m in line.measurements {
                rows.append(
                    facts + [
                        m.date, IndicatorFields.number(m.value), IndicatorPageView.breakdown(m, t), m.source,
                        t(m.status.labelKey), m.link ?? (m.evidenceName == nil ? "" : evidence(m.id)),
                    ])
            }
        }
        return SheetTable(title: title, columns: columns, rows: rows)
    }
}
