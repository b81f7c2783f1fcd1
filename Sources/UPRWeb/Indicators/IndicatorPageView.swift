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
        var href: String
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
        let t = request.t
        let actor = request.actor
        let readsDrafts = Authorization.allows(actor, .readDrafts)
        let all = try await MeasurementStore(sql).measurements(indicatorID: indicator.id, acceptedOnly: !readsDrafts)
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
        let planEntries = try await IndicatorStore(sql).trackedEntries(f.planEntryIDs).filter {
            $0.status == .published || readsDrafts
        }.map { entry in
            Link(
                href: SiteRoute.planEntry(entry.id).href,
                label: t("plan.entry.title", ["ref": entry.paragraph ?? "#\(entry.recommendationID)"]))
        }
        let canReview = Authorization.allows(actor, .reviewMeasurement)
        return IndicatorPageView(
            layout: Layout(request.page, title: f.title, section: .indicators), csrf: request.csrfToken,
            heading: f.title,
            kind: t(f.kind.labelKey), fields: fields,
            recommendations: f.recommendationIDs.map {
                Link(href: SiteRoute.recommendation($0).href, label: "#\($0)")
            },
            planEntries: planEntries, hasRecommendations: !f.recommendationIDs.isEmpty,
            hasPlanEntries: !planEntries.isEmpty,
            smart: SMARTChecklist(try await IndicatorStore(sql).smartCheck(indicator), t),
            chart: IndicatorChart(indicator, accepted: accepted, t),
            measurements: all.reversed().map { m in
                Row(
                    id: m.id, reviewAction: .measurementReview(m.id), date: m.date, value: value(m.value),
                    source: m.source,
                    breakdown: m.breakdown.keys.sorted().map { dimension in
                        let name = DisaggregationDimension(rawValue: dimension).map { t($0.labelKey) } ?? dimension
                        let parts = (m.breakdown[dimension] ?? [:]).sorted { $0.key < $1.key }.map {
                            "\($0.key) = \(IndicatorFields.number($0.value))"
                        }
                        return name + ": " + parts.joined(separator: "; ")
                    }.joined(separator: " · "),
                    link: m.link, evidenceHref: m.evidenceName.map { _ in SiteRoute.measurementEvidence(m.id) },
                    evidenceName: m.evidenceName ?? "", status: t(m.status.labelKey), statusClass: m.status.rawValue,
                    reviewComment: m.reviewComment, enteredBy: m.enteredByName ?? "",
                    canReview: canReview && m.status == .pending, version: m.version)
            },
            hasMeasurements: !all.isEmpty,
            canEdit: Authorization.allows(
                actor, .editIndicator(responsibleOrganisationID: f.responsibleOrganisationID)),
            canMeasure: Authorization.allows(
                actor,
                .enterMeasurement(
                    responsibleOrganisationID: f.responsibleOrganisationID, dataPartnerIDs: Set(f.dataPartnerIDs))),
            editHref: SiteRoute.indicatorEdit(indicator.id),
            measureHref: SiteRoute.newMeasurement(indicatorID: indicator.id),
            historyHref: SiteRoute.indicatorHistory(indicator.id))
    }
}
