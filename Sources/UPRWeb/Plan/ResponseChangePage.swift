import FluentKit
import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// Recording a later change of the state's response (a noted recommendation accepted at mid-term, say).
struct ResponseChangeView: Encodable {
    typealias Option = SelectOption
    var layout: Layout
    var csrf: String
    var heading: String
    var text: String
    var current: String
    var version: Int
    var options: [Option]
    var effectiveDate: String
    var source: String
    var note: String
    var errors: [FieldError]
    var hasErrors: Bool

    struct Form: Content {
        var response: String?
        var effectiveDate: String?
        var source: String?
        var note: String?
        var version: Int?
    }

    static func build(_ request: Request, form: Form? = nil, errors: [FieldError] = []) async throws
        -> ResponseChangeView
    {
        guard let id = request.parameters.get("id", as: Int.self),
            let detail = try await RecommendationDetail.load(id: id, on: request.sql())
        else { throw Abort(.notFound) }
        let t = request.t
        let current = detail.recommendation.response
        let chosen =
            form?.response.flatMap(UPRDomain.Response.init(rawValue:)) ?? (current == .noted ? .supported : .noted)
        return ResponseChangeView(
            layout: Layout(request.page, title: t("response.change.title"), section: .recommendations),
            csrf: request.csrfToken, heading: t("response.change.title"), text: detail.recommendation.text,
            current: t.response(current), version: form?.version ?? detail.version,
            options: UPRDomain.Response.allCases.map {
                Option(value: $0.rawValue, label: t.response($0), selected: $0 == chosen)
            },
            effectiveDate: form?.effectiveDate ?? Timestamp.day(Date()), source: form?.source ?? "",
            note: form?.note ?? "",
            errors: errors, hasErrors: !errors.isEmpty)
    }

    @Sendable static func show(_ request: Request) async throws -> Vapor.Response {
        try request.require(.changeResponse)
        return try await request.view.render("response-change", build(request)).encodeResponse(for: request)
    }

    static let save = FormPost(
        Form.self, load: { try $0.pathID() }, rule: .always(.changeResponse),
        write: { id, form, write in
            guard let response = form.response.flatMap(UPRDomain.Response.init(rawValue:)) else {
                throw StoreError.invalid(field: "response", messageKey: "form.error.choice")
            }
            try await ResponseChange.record(
                recommendationID: id, version: form.version ?? 0, response: response,
                effectiveDate: (form.effectiveDate ?? "").trimmingCharacters(in: .whitespaces),
                source: form.source ?? "", note: form.note ?? "", actor: write.actor, actorUserID: write.userID,
                on: write.sql)
            return .redirect(.recommendation(id))
        },
        refused: { request, _, form, errors in
            let view = try await build(request, form: form, errors: errors)
            return try await request.render("response-change", view, status: .unprocessableEntity)
        })
}
