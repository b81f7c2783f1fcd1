import UPRDomain
import UPRStore
import Vapor

/// The spreadsheets through the API: the same files as the pages' downloads, read as `Request.apiReader` says (a
/// token with `read` as its organisation, else as the public).
enum SheetAPI {
    /// `GET /api/v1/indicators.csv|.xlsx?state=…`: the indicator list's filter (`state`, `group`, `organisation`,
    /// `kind`).
    /// A value a filter cannot take is refused with a 400 naming it, as the JSON list does (the page reads it as no
    /// filter).
    static func indicators(_ request: Request, format: SpreadsheetFormat) async throws -> Vapor.Response {
        _ = try APIQuery.id(request, "group")
        _ = try APIQuery.id(request, "organisation")
        _ = try APIQuery.code(request, "kind", IndicatorKind.self)
        return try await IndicatorSheetView.download(request, reader: try await request.apiReader(), format: format)
    }

    /// `GET /api/v1/rounds/{id}/assessments.csv|.xlsx`: 404 for an unknown round or one the reader may not see
    /// (an open round, for the public).
    static func round(_ request: Request, format: SpreadsheetFormat) async throws -> Vapor.Response {
        let reader = try await request.apiReader()
        guard let id = request.parameters.get("id", as: Int.self),
            let round = try await AssessmentStore(try request.sql()).round(id),
            AssessmentRoutes.isVisible(round, to: reader)
        else { throw APIProblem(status: .notFound, detail: request.t("api.error.noRound")) }
        return try await RoundSheetView.download(request, round: round, format: format)
    }
}
