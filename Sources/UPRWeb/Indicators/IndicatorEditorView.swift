import FluentKit
import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// Creating or editing an indicator, with its SMART check: "Check" shows the checklist for what is typed without
/// saving (no script needed); saving shows it on the indicator page. When someone else saved first, their version
/// comes back beside what this person typed.
struct IndicatorEditorView: Encodable {
    typealias Option = SelectOption
    typealias Conflict = PlanEditorView.Conflict
    var layout: Layout
    var csrf: String
    var heading: String
    var action: SiteRoute
    var version: Int
    var title: String
    var definition: String
    var kinds: [Option]
    var unit: String
    var baselineValue: String
    var baselineDate: String
    var targetValue: String
    var targetDate: String
    var dataSource: String
    var frequency: String
    var dimensions: [Option]
    var responsibles: [Option]
    var partners: [Option]
    var recommendations: String
    var planEntries: String
    var smart: SMARTChecklist?
    var errors: [FieldError]
    var hasErrors: Bool
    var conflicts: [Conflict]
    var hasConflict: Bool

    /// The form for `existing` (nil for a new indicator) with `fields` in it, the active organisations offered as
    /// responsible and as data partners, and the SMART check when there is one to show.
    static func build(
        _ context: PageContext, existing: Indicator?, fields: IndicatorFields, version: Int,
        organisations: [Organisation], smart: SMARTCheck? = nil, errors: [FieldError] = [], conflicts: [Conflict] = []
    ) -> IndicatorEditorView {
        let t = context.t
        let active = organisations.filter { $0.validTo == nil }
        return IndicatorEditorView(
            layout: Layout(
                context, title: t(existing == nil ? "indicator.new" : "indicator.edit"), section: .indicators),
            csrf: context.csrf,
            heading: existing.map { t("indicator.edit") + ": " + $0.fields.title } ?? t("indicator.new"),
            action: (existing.map { SiteRoute.indicator($0.id) } ?? .indicators(IndicatorFilter())),
            version: version,
            title: fields.title, definition: fields.definition,
            kinds: IndicatorKind.allCases.map {
                Option(value: $0.rawValue, label: t($0.labelKey), selected: $0 == fields.kind)
            },
            unit: fields.unit, baselineValue: fields.baselineValue.map(IndicatorFields.number) ?? "",
            baselineDate: fields.baselineDate ?? "", targetValue: fields.targetValue.map(IndicatorFields.number) ?? "",
            targetDate: fields.targetDate ?? "", dataSource: fields.dataSource, frequency: fields.frequency,
            dimensions: DisaggregationDimension.allCases.map {
                Option(value: $0.rawValue, label: t($0.labelKey), selected: fields.dimensions.contains($0))
            },
            responsibles: [
                Option(value: "", label: t("common.none"), selected: fields.responsibleOrganisationID == nil)
            ]
                + active.map {
                    Option(value: String($0.id), label: $0.name, selected: $0.id == fields.responsibleOrganisationID)
                },
            partners: active.map {
                Option(value: String($0.id), label: $0.name, selected: fields.dataPartnerIDs.contains($0.id))
            },
            recommendations: fields.recommendationIDs.map { "#\($0)" }.joined(separator: ", "),
            planEntries: fields.planEntryIDs.map(String.init).joined(separator: ", "),
            smart: smart.map { SMARTChecklist($0, t) }, errors: errors, hasErrors: !errors.isEmpty,
            conflicts: conflicts, hasConflict: !conflicts.isEmpty)
    }

    /// The form for a new indicator, prefilled from `?entry=` or `?recommendation=`.
    @Sendable static func new(_ request: Request) async throws -> Vapor.Response {
        let sql = try request.sql()
        var fields = IndicatorFields()
        if let entry = try? request.query.get(Int.self, at: "entry") { fields.planEntryIDs = [entry] }
        if let recommendation = try? request.query.get(Int.self, at: "recommendation") {
            fields.recommendationIDs = [recommendation]
        }
        let groups = try await IndicatorStore(sql).workingGroups(ofEntries: fields.planEntryIDs)
        try request.require(.createIndicator(entryGroupIDs: groups))
        if request.actor?.role == .focalPoint { fields.responsibleOrganisationID = request.actor?.organisationID }
        let organisations = try await OrganisationStore(sql).organisations()
        let view = build(request.page, existing: nil, fields: fields, version: 0, organisations: organisations)
        return try await request.view.render("indicator-edit", view).encodeResponse(for: request)
    }

    @Sendable static func edit(_ request: Request) async throws -> Vapor.Response {
        let indicator = try await IndicatorRoutes.indicator(request)
        try request.require(.editIndicator(responsibleOrganisationID: indicator.fields.responsibleOrganisationID))
        let sql = try request.sql()
        let organisations = try await OrganisationStore(sql).organisations()
        let smart = try await IndicatorStore(sql).smartCheck(indicator)
        let view = build(
            request.page, existing: indicator, fields: indicator.fields, version: indicator.version,
            organisations: organisations, smart: smart)
        return try await request.view.render("indicator-edit", view).encodeResponse(for: request)
    }

    /// Creates (no `:id`) or saves an indicator, or only checks it when `intent` is "preview".
    static let save = FormPost(
        IndicatorForm.self,
        load: { request -> Indicator? in
            request.parameters.get("id") == nil ? nil : try await IndicatorRoutes.indicator(request)
        }, rule: .byForm,
        write: { existing, form, write in
            let fields = try form.fields()
            let store = IndicatorStore(write.sql)
            if let existing {
                try write.require(.editIndicator(responsibleOrganisationID: existing.fields.responsibleOrganisationID))
            } else {
                let groups = try await store.workingGroups(ofEntries: fields.planEntryIDs)
                try write.require(.createIndicator(entryGroupIDs: groups))
            }
            if form.intent == "preview" { return .page { try await preview($0, existing, form, fields) } }
            if let existing {
                try await store.update(existing.id, version: form.version ?? 0, fields: fields, actor: write.actor)
                return .redirect(.indicator(existing.id))
            }
            return .redirect(
                .indicator(try await store.create(fields, userID: write.principal.userID, actor: write.actor)))
        },
        refused: { request, existing, form, errors in
            let t = request.t
            let organisations = try await OrganisationStore(request.sql()).organisations()
            // The typed fields, or the saved ones when the typed ones could not be read.
            return try await request.render(
                "indicator-edit",
                build(
                    request.page, existing: existing,
                    fields: (try? form.fields()) ?? existing?.fields ?? IndicatorFields(), version: form.version ?? 0,
                    organisations: organisations,
                    errors: errors.map {
                        FieldError(field: $0.field, message: t("indicator.field.\($0.field)") + ": " + $0.message)
                    }),
                status: .unprocessableEntity)
        },
        conflict: { request, existing, form in
            let t = request.t
            let fields = try form.fields()
            let current = try await IndicatorStore(try request.sql()).indicator(id: existing?.id ?? 0)
            let conflicts = Conflict.rows(theirs: current?.fields.asText ?? [:], yours: fields.asText) {
                t("indicator.field.\($0)")
            }
            let organisations = try await OrganisationStore(request.sql()).organisations()
            return try await request.render(
                "indicator-edit",
                build(
                    request.page, existing: existing, fields: fields, version: current?.version ?? 0,
                    organisations: organisations,
                    errors: [FieldError(field: "title", message: t("indicator.conflict.message"))], conflicts: conflicts
                ),
                status: .conflict)
        })

    /// The form checked, not saved: the SMART check of the typed fields, with the indicator's accepted measurements.
    static func preview(_ request: Request, _ existing: Indicator?, _ form: IndicatorForm, _ fields: IndicatorFields)
        async throws -> Vapor.Response
    {
        let sql = try request.sql()
        let texts = try await IndicatorStore(sql).recommendationTexts(
            recommendationIDs: fields.recommendationIDs, planEntryIDs: fields.planEntryIDs)
        var observations: [MeasurementRecord] = []
        if let existing {
            observations = try await MeasurementStore(sql).measurements(indicatorID: existing.id, acceptedOnly: true)
        }
        let check = SMARTCheck(
            fields.draft(recommendationTexts: texts),
            observations: observations.compactMap { m in
                CalendarDay(m.date).map { Observation(day: $0, value: m.value) }
            })
        let organisations = try await OrganisationStore(sql).organisations()
        return try await request.view.render(
            "indicator-edit",
            build(
                request.page, existing: existing, fields: fields, version: form.version ?? 0,
                organisations: organisations, smart: check)
        ).encodeResponse(for: request)
    }
}
