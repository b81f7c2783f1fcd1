import UPRDomain
import UPRStore
import Vapor

/// Indicators through the API, with the indicator pages' visibility: the public sees the indicators a published
/// plan entry tracks and their accepted measurements; a token with `read`, every indicator and measurement.
enum IndicatorAPI {
    /// `GET /api/v1/indicators?state=&workingGroup=&organisation=&kind=&page=&per=`: by title.
    @Sendable static func list(_ request: Request) async throws -> Vapor.Response {
        let reader = try await request.apiReader()
        let paging = try APIPaging(request)
        var filter = IndicatorFilter()
        filter.state = request.query[String.self, at: "state"]
        filter.workingGroupID = try APIQuery.id(request, "workingGroup")
        filter.organisationID = try APIQuery.id(request, "organisation")
        filter.kind = try APIQuery.code(request, "kind", IndicatorKind.self)
        let store = IndicatorStore(try request.sql())
        let all = try await store.list(filter, includeDrafts: Authorization.allows(reader, .readDrafts))
        let items = try await store.indicators(ids: paging.slice(all).map(\.id)).map { APIIndicator($0) }
        return try APIResource.list(
            APIList(items: items, total: all.count, page: paging.page, per: paging.per), request)
    }

    /// `GET /api/v1/indicators/{id}`: the indicator with its measurements, tagged.
    @Sendable static func show(_ request: Request) async throws -> Vapor.Response {
        let reader = try await request.apiReader()
        let sql = try request.sql()
        let readsDrafts = Authorization.allows(reader, .readDrafts)
        guard let id = request.parameters.get("id", as: Int.self),
            let indicator = try await IndicatorStore(sql).indicator(id: id), indicator.isPublic || readsDrafts
        else { throw APIProblem(status: .notFound, detail: request.t("api.error.noIndicator")) }
        let measurements = try await MeasurementStore(sql).measurements(indicatorID: id, acceptedOnly: !readsDrafts)
        return try APIResource.respond(APIIndicator(indicator, measurements: measurements), request)
    }
}
