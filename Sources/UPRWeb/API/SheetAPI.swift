import UPRDomain
import UPRStore
import Vapor

/// The spreadsheets through the API: the same files as the pages' downloads, with the token's organisation as the
/// reader.
enum SheetAPI {
    /// Whom an API request reads as: a token with `read` as its organisation; no token, or a token without `read`
    /// (one made only to post data), as the public, like `GET /api/v1/measurements/{id}`. An unknown, expired or
    /// revoked token is a 401 (see `apiClient`).
    static func reader(_ request: Request) async throws -> Principal? {
        guard let client = try await request.apiClient(), client.token.scopes.contains(.read) else { return nil }
        return client.principal
    }

    /// `GET /api/v1/indicators.csv|.xlsx?state=…`: the indicator list's filter (`state`, `group`, `organisation`,
    /// `kind`).
    static func indicators(_ request: Request, format: SpreadsheetFormat) async throws -> Vapor.Response {
        try await IndicatorSheetView.download(request, reader: try await reader(request), format: format)
    }

    /// `GET /api/v1/rounds/{id}/assessments.csv|.xlsx`: 404 for an unknown round or one the reader may not see
    /// (an open round, for the public).
    static func round(_ request: Request, format: SpreadsheetFormat) async throws -> Vapor.Response {
        let reader = try await reader(request)
        guard let id = request.parameters.get("id", as: Int.self),
            let round = try await AssessmentStore(try request.sql()).round(id),
            AssessmentRoutes.isVisible(round, to: reader)
        else { throw APIProblem(status: .notFound, detail: request.t("api.error.noRound")) }
        return try await RoundSheetView.download(request, round: round, format: format)
    }
}
