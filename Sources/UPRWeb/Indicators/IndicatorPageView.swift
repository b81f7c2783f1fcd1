import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// One indicator: its metadata, SMART check, progress chart with the table of its data, and its measurements with
/// the administrator's review forms. The public sees accepted measurements only.
struct IndicatorPageView: Encodable {
    struct Field: Encodable {
        var label: String
        var value: String
    }
    struct Link: Encodable {
        var href: SiteRoute
        var label: String
    }
    struct Row: Encodable {
        var id: Int
        var reviewAction: SiteRoute
        var date: String
        var value: String
        var source: String
        var breakdown: String
        var link: String?
        var evidenceHref: SiteRoute?
        var evidenceName: String
        var status: String
        var statusClass: String
        var reviewComment: String
        var enteredBy: String
        var canReview: Bool
        var version: Int
    }
    var layout: Layout
    var csrf: String
    var heading: String
    var kind: String
    var fields: [Field]
    var recommendations: [Link]
    var planEntries: [Link]
    var hasRecommendations: Bool
    var hasPlanEntries: Bool
    var smart: SMARTChecklist
    var chart: IndicatorChart?
    var measurements: [Row]
    var hasMeasurements: Bool
    var canEdit: Bool
    var canMeasure: Bool
    var editHref: SiteRoute
    var measureHref: SiteRoute
    var historyHref: SiteRoute

    static func load(_ request: Request) async throws -> IndicatorPageView {
        let indicator = try await IndicatorRoutes.indicator(request)
        let sql = try request.sql()
        let context = request.page
        let readsDrafts = context.allows(.readDrafts)
        let store = IndicatorStore(sql)
        return make(
            indicator,
            measurements: try await MeasurementStore(sql).measurements(
                indicatorID: indicator.id, acceptedOnly: !readsDrafts),
            planEntries: try await store.trackedEntries(indicator.fields.planEntryIDs).filter {
                $0.status == .published || readsDrafts
            }, smart: try await store.smartCheck(indicator), context)
    }

    /// The page from the indicator, its measurements and plan entries (those the person may read) and its SMART
    /// check.
    static func make(
        _ indicator: Indicator, measurements all: [MeasurementRecord], planEntries tracked: [TrackedPlanEntry],
        smart: SMARTCheck, _ context: PageContext
    ) -> IndicatorPageView {
        let t = context.t
        let accepted = all.filter { $0.status == .accepted }
        let f = indicator.fields
        let unit = f.unit.isEmpty ? "" : " " + f.unit
        func value(_ number: Double?) -> String { number.map { IndicatorFields.number($0) + unit } ?? "" }
        let fields = [
            Field(label: t("indicator.field.definition"), value: f.definition),
            Field(label: t("indicator.field.unit"), value: f.unit),
            Field(
                label: t("indicator.baseline"),
                value: [value(f.baselineValue), f.baselineDate ?? ""].filter { !$0.isEmpty }.joined(separator: ", ")),
            Field(
                label: t("indicator.target"),
                value: [value(f.targetValue), f.targetDate ?? ""].filter { !$0.isEmpty }.joined(separator: ", ")),
            Field(label: t("indicator.field.dataSource"), value: f.dataSource),
            Field(label: t("indicator.field.frequency"), value: f.frequency),
            Field(
                label: t("indicator.field.dimensions"),
                value: f.dimensions.map { t($0.labelKey) }.joined(separator: ", ")),
            Field(label: t("indicator.field.responsibleOrganisation"), value: indicator.responsibleName ?? ""),
            Field(label: t("indicator.field.dataPartners"), value: indicator.dataPartnerNames.joined(separator: ", ")),
        ].filter { !$0.value.isEmpty }
        let planEntries = tracked.map { entry in
            Link(
                href: SiteRoute.planEntry(entry.id),
                label: t("plan.entry.title", ["ref": entry.paragraph ?? "#\(entry.recommendationID)"]))
        }
        let canReview = context.allows(.reviewMeasurement)
        return IndicatorPageView(
            layout: Layout(context, title: f.title, section: .indicators), csrf: context.csrf,
            heading: f.title,
            kind: t(f.kind.labelKey), fields: fields,
            recommendations: f.recommendationIDs.map {
                Link(href: SiteRoute.recommendation($0), label: "#\($0)")
            },
            planEntries: planEntries, hasRecommendations: !f.recommendationIDs.isEmpty,
            hasPlanEntries: !planEntries.isEmpty,
            smart: SMARTChecklist(smart, t),
            chart: IndicatorChart(indicator, accepted: accepted, t),
            measurements: all.reversed().map { m in
                Row(
                    id: m.id, reviewAction: .measurementReview(m.id), date: m.date, value: value(m.value),
                    source: m.source,
                    breakdown: breakdown(m, t),
                    link: m.link, evidenceHref: m.evidenceName.map { _ in SiteRoute.measurementEvidence(m.id) },
                    evidenceName: m.evidenceName ?? "", status: t(m.status.labelKey), statusClass: m.status.rawValue,
                    reviewComment: m.reviewComment, enteredBy: m.enteredByName ?? "",
                    canReview: canReview && m.status == .pending, version: m.version)
            },
            hasMeasurements: !all.isEmpty,
            canEdit: context.allows(.editIndicator(responsibleOrganisationID: f.responsibleOrganisationID)),
            canMeasure: context.allows(
                .enterMeasurement(
                    responsibleOrganisationID: f.responsibleOrganisationID, dataPartnerIDs: Set(f.dataPartnerIDs))),
            editHref: SiteRoute.indicatorEdit(indicator.id),
            measureHref: SiteRoute.newMeasurement(indicatorID: indicator.id),
            historyHref: SiteRoute.indicatorHistory(indicator.id))
    }

    /// A measurement's breakdown on one line, as the page and the spreadsheet show it: "Sex: female = 20; male = 22
    /// · Region: …".
    static func breakdown(_ m: MeasurementRecord, _ t: Translator) -> String {
        m.breakdown.keys.sorted().map { dimension in
            let name = DisaggregationDimension(rawValue: dimension).map { t($0.labelKey) } ?? dimension
            let parts = (m.breakdown[dimension] ?? [:]).sorted { $0.key < $1.key }.map {
                "\($0.key) = \(IndicatorFields.number($0.value))"
            }
            return name + ": " + parts.joined(separator: "; ")
        }.joined(separator: " · ")
    }
}
