import UPRDomain
import UPRStore
import Vapor

/// The indicators' routes: list, page, create and edit; measurements: enter, review, evidence.
enum IndicatorRoutes {
    static func register(_ app: Application) {
        app.get("indicators") { try await $0.view.render("indicators", IndicatorListView.load($0)) }
        app.get("indicators", "new", use: IndicatorEditorView.new)
        app.post("indicators", use: IndicatorEditorView.save)
        app.get("indicators", ":id") { try await $0.view.render("indicator", IndicatorPageView.load($0)) }
        app.get("indicators", ":id", "edit", use: IndicatorEditorView.edit)
        app.post("indicators", ":id", use: IndicatorEditorView.save)
        app.get("indicators", ":id", "history", use: history)
        app.get("indicators", ":id", "measurements", "new", use: MeasurementEditorView.new)
        // Evidence files up to 5 MB are checked by the handler with a clear message; the body limit sits above that
        // so a slightly larger file still gets the message, not a bare 413.
        app.on(
            .POST, "indicators", ":id", "measurements", body: .collect(maxSize: "8mb"), use: MeasurementEditorView.save)
        app.post("measurements", ":id", "review", use: MeasurementEditorView.review)
        app.get("measurements", ":id", "evidence", use: MeasurementEditorView.evidence)
    }

    /// The indicator of `:id` if this person may see it: the public only those a published plan entry tracks.
    static func indicator(_ request: Request, parameter: String = "id") async throws -> Indicator {
        guard let id = request.parameters.get(parameter, as: Int.self),
            let indicator = try await IndicatorStore(try request.sql()).indicator(id: id)
        else { throw Abort(.notFound) }
        if !indicator.isPublic && !Authorization.allows(request.actor, .readDrafts) { throw Abort(.notFound) }
        return indicator
    }

    /// Every change of an indicator and of its measurements, newest first.
    @Sendable static func history(_ request: Request) async throws -> Vapor.Response {
        let indicator = try await indicator(request)
        let t = request.t
        let sql = try request.sql()
        var log = try await AuditLog.history(entity: .indicator, id: indicator.id, on: sql)
        for measurement in try await MeasurementStore(sql).measurements(indicatorID: indicator.id, acceptedOnly: false)
        where measurement.status == .accepted || Authorization.allows(request.actor, .readDrafts) {
            log += try await AuditLog.history(entity: .measurement, id: measurement.id, on: sql)
        }
        log.sort { $0.id > $1.id }
        let view = PlanRoutes.HistoryView(
            layout: Layout(request: request, title: t("history.title"), section: .indicators),
            heading: t("history.title") + ": " + indicator.fields.title,
            backHref: SiteRoute.indicator(indicator.id).href,
            entries: PlanRoutes.HistoryView.entries(log, t) { t("indicator.field.\($0)") })
        return try await request.view.render("history", view).encodeResponse(for: request)
    }
}
