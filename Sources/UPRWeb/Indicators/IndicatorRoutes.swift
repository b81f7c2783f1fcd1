import UPRDomain
import UPRStore
import Vapor

/// The indicators' routes: list, page, create and edit; measurements: enter, review, evidence.
enum IndicatorRoutes {

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
        let view = HistoryView.make(
            log, heading: t("history.title") + ": " + indicator.fields.title, back: .indicator(indicator.id),
            section: .indicators, request.page
        ) { t("indicator.field.\($0)") }
        return try await request.view.render("history", view).encodeResponse(for: request)
    }
}
