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

    /// The recommendation of the path, or 404.
    static func load(_ request: Request) async throws -> RecommendationDetail {
        guard let id = request.parameters.get("id", as: Int.self),
            let detail = try await RecommendationDetail.load(id: id, on: request.sql())
        else { throw Abort(.notFound) }
        return detail
    }

    /// The form for `recommendation` (read at `version`), empty or as typed; the change takes effect `today` unless
    /// the form says otherwise.
    static func build(
        _ context: PageContext, _ recommendation: RecommendationSummary, version: Int, form: Form? = nil,
        errors: [FieldError] = [], today: String = Timestamp.day(Date())
    ) -> ResponseChangeView {
        let t = context.t
        let current = recommendation.response
        let chosen =
            form?.response.flatMap(UPRDomain.Response.init(rawValue:)) ?? (current == .noted ? .supported : .noted)
        return ResponseChangeView(
            layout: Layout(context, title: t("response.change.title"), section: .recommendations),
            csrf: context.csrf, heading: t("response.change.title"), text: recommendation.text,
            current: t.response(current), version: form?.version ?? version,
            options: UPRDomain.Response.allCases.map {
                Option(value: $0.rawValue, label: t.response($0), selected: $0 == chosen)
            },
            effectiveDate: form?.effectiveDate ?? today, source: form?.source ?? "", note: form?.note ?? "",
            errors: errors, hasErrors: !errors.isEmpty)
    }

    @Sendable static func show(_ request: Request) async throws -> Vapor.Response {
        try request.require(.changeResponse)
        let detail = try await load(request)
        return try await request.view.render(
            "response-change", build(request.page, detail.recommendation, version: detail.version)
        ).encodeResponse(for: request)
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
            let detail = try await load(request)
            let view = build(request.page, detail.recommendation, version: detail.version, form: form, errors: errors)
            return try await request.render("response-change", view, status: .unprocessableEntity)
        })
}
