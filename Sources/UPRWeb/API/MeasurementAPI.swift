import Foundation
import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// Measurements through the API: a data partner's system posts what a person would type on the indicator's page,
/// and it enters the administrator's review the same way.
enum MeasurementAPI {
    /// `POST /api/v1/indicators/{id}/measurements`: scope `measurements:write`, and the token's organisation must be
    /// the indicator's responsible organisation or one of its data partners (the page's rule). 201 with the
    /// measurement and its address.
    @Sendable static func create(_ request: Request) async throws -> Vapor.Response {
        let client = try await request.apiClient(scope: .measurementsWrite)
        guard let id = request.parameters.get("id", as: Int.self),
            let indicator = try await IndicatorStore(try request.sql()).indicator(id: id)
        else { throw APIProblem(status: .notFound, detail: request.t("api.error.noIndicator")) }
        try client.require(MeasurementEditorView.entry(indicator), request)
        let t = request.t
        let valid: MeasurementInput.Valid
        let evidence: EvidenceFile?
        do {
            let (input, file) = try MeasurementPost.read(request.body.data.map { Data(buffer: $0) } ?? Data()).get()
            valid = try MeasurementEntry.check(input, for: indicator)
            evidence = file
        } catch let problem as MeasurementInput.Problem {
            if problem.field == "body" {
                throw APIProblem(status: .badRequest, detail: t(problem.messageKey), field: "body")
            }
            throw refusal(problem.field, t(problem.messageKey))
        } catch let problems as FieldProblems {
            let first = problems.problems[0]
            throw refusal(first.field, t(first.messageKey, first.arguments))
        }
        let actor = client.token.auditName
        return try await IdempotentWrite.run(request, client: client) { sql in
            let measurementID = try await MeasurementStore(sql).add(
                indicatorID: indicator.id, valid, evidence: evidence, userID: nil, actor: actor)
            guard let stored = try await MeasurementStore(sql).measurement(id: measurementID) else {
                throw StoreError.missingRow("measurement \(measurementID)")
            }
            let body = try JSONEncoder.api.encode(APIMeasurement(stored))
            return StoredResponse(
                requestHash: "", status: 201,
                headers: [
                    ["Content-Type", "application/json; charset=utf-8"],
                    ["Location", SiteRoute.api(.measurement(measurementID)).href],
                ],
                body: String(decoding: body, as: UTF8.self))
        }
    }

    /// A refused value as the API answers it: 422, the field named in the body's terms and in the message.
    static func refusal(_ field: String, _ message: String) -> APIProblem {
        let name = MeasurementPost.field(field)
        return APIProblem(status: .unprocessableEntity, detail: "\(name): \(message)", field: name)
    }

    /// `GET /api/v1/measurements/{id}`: for the public, an accepted measurement of a public indicator; for a token
    /// with `read`, any (as a signed-in person sees them); for a token that may enter the indicator's measurements,
    /// also those it entered and that wait for review.
    @Sendable static func show(_ request: Request) async throws -> Vapor.Response {
        let client = try await request.apiClient()
        let sql = try request.sql()
        guard let id = request.parameters.get("id", as: Int.self),
            let measurement = try await MeasurementStore(sql).measurement(id: id),
            let indicator = try await IndicatorStore(sql).indicator(id: measurement.indicatorID)
        else { throw APIProblem(status: .notFound, detail: request.t("api.error.noMeasurement")) }
        let publicView = indicator.isPublic && measurement.status == .accepted
        let reads =
            client.map {
                ($0.token.scopes.contains(.read) && Authorization.allows($0.principal, .readDrafts))
                    || ($0.token.scopes.contains(.measurementsWrite)
                        && Authorization.allows($0.principal, MeasurementEditorView.entry(indicator)))
            } ?? false
        guard publicView || reads else {
            throw APIProblem(status: .notFound, detail: request.t("api.error.noMeasurement"))
        }
        // The same bytes as the answer to the POST that made it, tagged.
        return try APIResource.respond(APIMeasurement(measurement), request)
    }
}

extension JSONEncoder {
    /// The API's bodies: keys sorted, so that the same answer is the same bytes.
    static var api: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
