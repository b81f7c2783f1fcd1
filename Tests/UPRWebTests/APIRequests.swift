import Foundation
import Testing
import UPRDomain
import UPRStore
import UPRWeb
import VaporTesting

/// What the API suites do: issue a token, send a request with it, read the JSON, and hold every answer to the
/// OpenAPI document the product serves.
protocol APIRequests {}

extension APIRequests {
    func issue(
        _ app: Application, _ organisation: Int, _ name: String, _ scopes: Set<APIScope>,
        expiresOn: CalendarDay? = nil
    ) async throws -> String {
        try await APITokenIssuer.issue(
            organisationID: organisation, name: name, scopes: scopes, expiresOn: expiresOn,
            today: CalendarDay(Timestamp.day(Date()))!,
            actor: "test", on: try app.sql()
        ).secret
    }

    func post(_ app: Application, _ path: String, _ body: String, token: String?, key: String? = nil) async throws
        -> TestingHTTPResponse
    {
        try await send(app, .POST, path, body, token: token, headers: key.map { ["Idempotency-Key": $0] } ?? [:])
    }

    func get(_ app: Application, _ path: String, token: String?) async throws -> TestingHTTPResponse {
        try await send(app, .GET, path, token: token)
    }

    func object(_ response: TestingHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    func validator(_ app: Application) async throws -> JSONSchemaValidator {
        try await JSONSchemaValidator(openAPI: Data(buffer: get(app, "/api/v1/openapi.json", token: nil).body))
    }

    /// A refusal: its status, problem+json conforming to the document, and the field it names.
    func expectProblem(
        _ response: TestingHTTPResponse, _ status: HTTPStatus, field: String? = nil, _ schema: JSONSchemaValidator,
        path: String = "/api/v1/indicators/{id}/measurements", method: String = "post",
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(response.status == status, "\(response.body.string)", sourceLocation: sourceLocation)
        #expect(response.headers.contentType?.subType == "problem+json", sourceLocation: sourceLocation)
        let body = try object(response)
        let errors = schema.validate(
            body,
            against: try schema.responseSchema(
                path: path, status: String(status.code), mediaType: "application/problem+json", method: method))
        #expect(errors.isEmpty, "\(errors)", sourceLocation: sourceLocation)
        #expect(body["status"] as? Int == Int(status.code), sourceLocation: sourceLocation)
        if let field {
            #expect(body["field"] as? String == field, "\(body)", sourceLocation: sourceLocation)
            #expect((body["detail"] as? String)?.hasPrefix(field + ": ") == true, sourceLocation: sourceLocation)
        }
    }

    /// Any request, with the token and extra headers.
    func send(
        _ app: Application, _ method: HTTPMethod, _ path: String, _ body: String? = nil, token: String?,
        headers extra: HTTPHeaders = [:]
    ) async throws -> TestingHTTPResponse {
        var headers = extra
        if body != nil { headers.contentType = .json }
        if let token { headers.add(name: .authorization, value: "Bearer \(token)") }
        var result: TestingHTTPResponse?
        try await app.testing().test(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) }) {
            result = $0
        }
        return result!
    }

    /// A 200 (or 201) JSON answer, held to the document's schema of that path, status and method.
    @discardableResult
    func expectValid(
        _ response: TestingHTTPResponse, _ schema: JSONSchemaValidator, path: String, status: HTTPStatus = .ok,
        method: String = "get", sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [String: Any] {
        #expect(response.status == status, "\(response.body.string)", sourceLocation: sourceLocation)
        let body = try object(response)
        let errors = schema.validate(
            body, against: try schema.responseSchema(path: path, status: String(status.code), method: method))
        #expect(errors.isEmpty, "\(path): \(errors)", sourceLocation: sourceLocation)
        return body
    }
}
