import Foundation
import SQLKit
import UPRDomain
import UPRStore
import Vapor

/// Assessment rounds through the API, with the round pages' visibility (an open round is work in progress: only
/// a token with `read` sees it), and a stakeholder's own assessment recorded by its system.
enum RoundAPI {
    /// `GET /api/v1/rounds?state=&status=&page=&per=`, newest first.
    @Sendable static func list(_ request: Request) async throws -> Vapor.Response {
        let reader = try await request.apiReader()
        let paging = try APIPaging(request)
        let state = request.query[String.self, at: "state"]
        let status = try APIQuery.code(request, "status", AssessmentRound.Status.self)
        let rounds = try await AssessmentStore(try request.sql()).rounds(
            closedOnly: !Authorization.allows(reader, .readDrafts)
        ).filter { (state == nil || $0.stateName == state) && (status == nil || $0.status == status) }
        return try APIResource.list(
            APIList(
                items: paging.slice(rounds).map { APIRound($0) }, total: rounds.count, page: paging.page,
                per: paging.per), request)
    }

    /// `GET /api/v1/rounds/{id}`: the round with every stakeholder's assessments, per recommendation; tagged.
    @Sendable static func show(_ request: Request) async throws -> Vapor.Response {
        let reader = try await request.apiReader()
        let sql = try request.sql()
        let round = try await visibleRound(request, reader: reader, on: sql)
        return try APIResource.respond(
            APIRound(round, assessments: try await AssessmentStore(sql).assessments(round: round.id)), request)
    }

    /// `GET /api/v1/assessments/{id}`, tagged: the tag is what a replacing POST's `If-Match` names.
    @Sendable static func assessment(_ request: Request) async throws -> Vapor.Response {
        let reader = try await request.apiReader()
        let sql = try request.sql()
        guard let id = request.parameters.get("id", as: Int.self),
            let assessment = try await AssessmentStore(sql).assessment(id: id),
            let round = try await AssessmentStore(sql).round(assessment.roundID),
            round.status == .closed || Authorization.allows(reader, .readDrafts)
        else { throw APIProblem(status: .notFound, detail: request.t("api.error.noAssessment")) }
        return try APIResource.respond(APIAssessment(assessment), request)
    }

    private static func visibleRound(_ request: Request, reader: Principal?, on sql: any SQLDatabase) async throws
        -> AssessmentRound
    {
        guard let id = request.parameters.get("id", as: Int.self), let round = try await AssessmentStore(sql).round(id),
            round.status == .closed || Authorization.allows(reader, .readDrafts)
        else { throw APIProblem(status: .notFound, detail: request.t("api.error.noRound")) }
        return round
    }

    /// `POST /api/v1/rounds/{id}/assessments`: scope `assessments:write`; the token's organisation records its own
    /// assessment (the page's rule: a government body or a CSO, not an observer) of a recommendation in an open
    /// round. The first is made without `If-Match` (201); replacing it needs `If-Match` with its tag (200), and an
    /// older tag answers 412 with the current one. `Idempotency-Key` as on every POST.
    @Sendable static func assess(_ request: Request) async throws -> Vapor.Response {
        let client = try await request.apiClient(scope: .assessmentsWrite)
        let round = try await visibleRound(request, reader: client.principal, on: try request.sql())
        let organisationID = client.token.organisationID
        try client.require(.assess(organisationID: organisationID), request)
        let post = try AssessmentPost.read(request.body.data.map { Data(buffer: $0) } ?? Data(), request)
        let ifMatch = request.headers.first(name: .ifMatch).flatMap { $0.isEmpty ? nil : $0 }
        let actor = client.token.auditName
        do {
            return try await IdempotentWrite.run(request, client: client) { sql in
                let store = AssessmentStore(sql)
                let existing = try await store.assessments(round: round.id, recommendation: post.recommendationID)
                    .first { $0.organisationID == organisationID }
                var version = 0
                if let existing {
                    let current = try APIResource.encode(APIAssessment(existing)).etag
                    guard let ifMatch else {
                        throw APIPrecondition.stale(current: current, version: existing.version, request)
                    }
                    try APIPrecondition.check(ifMatch, current: current, version: existing.version, request)
                    version = existing.version
                } else if ifMatch != nil {
                    // A tag of an assessment that is not there (any more): the program's view is not the record's.
                    throw APIPrecondition.missing(request)
                }
                let id = try await store.save(
                    round: round.id, recommendation: post.recommendationID, organisationID: organisationID,
                    input: post.input, version: version, userID: nil, actor: actor)
                guard let saved = try await store.assessment(id: id) else {
                    throw StoreError.missingRow("assessment \(id)")
                }
                let (body, tag) = try APIResource.encode(APIAssessment(saved))
                return StoredResponse(
                    requestHash: "", status: existing == nil ? 201 : 200,
                    headers: [
                        ["Content-Type", "application/json; charset=utf-8"], ["ETag", tag],
                        ["Location", SiteRoute.api(.assessment(id)).href],
                    ],
                    body: String(decoding: body, as: UTF8.self))
            }
        } catch StoreError.invalid(let field, let key) {
            let name = AssessmentPost.field(field)
            throw APIProblem(status: .unprocessableEntity, detail: name + ": " + request.t(key), field: name)
        } catch StoreError.staleVersion {
            // Another instance saved this organisation's assessment between the tag's check and the write.
            guard
                let current = try await AssessmentStore(try request.sql()).assessments(
                    round: round.id, recommendation: post.recommendationID
                ).first(where: { $0.organisationID == organisationID })
            else { throw APIPrecondition.missing(request) }
            throw APIPrecondition.stale(
                current: try APIResource.encode(APIAssessment(current)).etag, version: current.version, request)
        }
    }
}
