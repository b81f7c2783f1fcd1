import Foundation
import SQLKit
import UPRDomain
import UPRStore
import Vapor

/// Plan entries through the API, with the plan pages' visibility (the public sees published entries only), and
/// the working group's update with `If-Match`.
enum PlanAPI {
    /// `GET /api/v1/plan-entries?state=&workingGroup=&leadOrganisation=&status=&page=&per=`, oldest first.
    @Sendable static func list(_ request: Request) async throws -> Vapor.Response {
        let reader = try await request.apiReader()
        let paging = try APIPaging(request)
        let (entries, total) = try await PlanStore(try request.sql()).entries(
            state: request.query[String.self, at: "state"], workingGroupID: try APIQuery.id(request, "workingGroup"),
            leadOrganisationID: try APIQuery.id(request, "leadOrganisation"),
            status: try APIQuery.code(request, "status", PlanStatus.self),
            includeDrafts: Authorization.allows(reader, .readDrafts), page: paging.page, per: paging.per)
        return try APIResource.list(
            APIList(items: entries.map(APIPlanEntry.init), total: total, page: paging.page, per: paging.per), request)
    }

    /// `GET /api/v1/plan-entries/{id}`, tagged: the tag is what an update's `If-Match` names.
    @Sendable static func show(_ request: Request) async throws -> Vapor.Response {
        let reader = try await request.apiReader()
        let entry = try await visibleEntry(request, reader: reader, on: try request.sql())
        return try APIResource.respond(APIPlanEntry(entry), request)
    }

    private static func visibleEntry(_ request: Request, reader: Principal?, on sql: any SQLDatabase) async throws
        -> PlanEntry
    {
        guard let id = request.parameters.get("id", as: Int.self), let entry = try await PlanStore(sql).entry(id: id),
            entry.status == .published || Authorization.allows(reader, .readDrafts)
        else { throw APIProblem(status: .notFound, detail: request.t("api.error.noPlanEntry")) }
        return entry
    }

    /// `PATCH /api/v1/plan-entries/{id}`: scope `plan:write`, the working group's right to draft (the page's rule),
    /// and `If-Match` with the entry's tag. The fields sent replace those of the entry; the others stay. A tag that
    /// is no longer the entry's answers 412 with the current one, and nothing is written.
    @Sendable static func update(_ request: Request) async throws -> Vapor.Response {
        let client = try await request.apiClient(scope: .planWrite)
        let ifMatch = try APIPrecondition.required(request)
        let entry = try await visibleEntry(request, reader: client.principal, on: try request.sql())
        try client.require(.draftPlanEntry(workingGroupID: entry.workingGroupID), request)
        let patch = try PlanEntryPatch.read(request.body.data.map { Data(buffer: $0) } ?? Data(), request)
        let actor = client.token.auditName
        do {
            let saved = try await request.db.writeTransaction { database -> PlanEntry in
                let sql = try database.sqlDatabase()
                let store = PlanStore(sql)
                // The tag is compared with the entry as it is inside the transaction, and the store's versioned
                // update refuses the write if another one commits first: never a lost update.
                guard let current = try await store.entry(id: entry.id) else {
                    throw APIProblem(status: .notFound, detail: request.t("api.error.noPlanEntry"))
                }
                try APIPrecondition.check(
                    ifMatch, current: try APIResource.encode(APIPlanEntry(current)).etag, version: current.version,
                    request)
                try await store.update(
                    current.id, version: current.version, fields: patch.applied(to: current.fields), actor: actor)
                guard let saved = try await store.entry(id: entry.id) else {
                    throw StoreError.missingRow("plan entry \(entry.id)")
                }
                return saved
            }
            return try APIResource.respond(APIPlanEntry(saved), request)
        } catch StoreError.staleVersion {
            throw try await staleAnswer(entry.id, request)
        } catch StoreError.invalid(let field, let key) {
            throw APIProblem(
                status: .unprocessableEntity, detail: PlanEntryPatch.field(field) + ": " + request.t(key),
                field: PlanEntryPatch.field(field))
        }
    }

    private static func staleAnswer(_ id: Int, _ request: Request) async throws -> APIProblem {
        guard let current = try await PlanStore(try request.sql()).entry(id: id) else {
            return APIProblem(status: .notFound, detail: request.t("api.error.noPlanEntry"))
        }
        return APIPrecondition.stale(
            current: try APIResource.encode(APIPlanEntry(current)).etag, version: current.version, request)
    }
}
