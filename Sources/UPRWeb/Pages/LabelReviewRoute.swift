import FluentKit
import UPRDomain
import UPRStore
import Vapor

/// The label forms of the recommendation page: confirm or reject a machine suggestion, add an issue, confirm or set
/// the action category. Refused changes come back as the same page with the reason at the top.
enum LabelReviewRoute {
    /// What every label form posts; `change` says which of them it was.
    struct Form: Content {
        var change: String?
        var issue: String?
        var actionCategory: String?
        var version: Int?
    }

    @Sendable static func save(_ request: Request) async throws -> Vapor.Response {
        try CSRF.verify(request)
        try request.require(.reviewLabels)
        guard let id = request.parameters.get("id", as: Int.self),
            try await RecommendationDetail.exists(id: id, on: request.sql())
        else { throw Abort(.notFound) }
        let form = try request.content.decode(Form.self)
        let t = request.t
        do {
            let change = try change(form)
            try await request.db.writeTransaction { database in
                try await LabelReview.apply(
                    change, recommendationID: id, version: form.version ?? 0, actor: request.auditName,
                    on: try database.sqlDatabase())
            }
        } catch StoreError.invalid(let field, let key) {
            return try await request.render(
                "recommendation",
                RecommendationView.build(request, errors: [FieldError(field: field, message: t(key))]),
                status: .unprocessableEntity)
        } catch StoreError.staleVersion {
            // Someone changed the recommendation since the page was read: show it as it is now.
            return try await request.render(
                "recommendation",
                RecommendationView.build(
                    request, errors: [FieldError(field: "labels", message: t("labels.error.stale"))]),
                status: .conflict)
        }
        return request.redirect(to: SiteRoute.recommendation(id).href + "#labels", redirectType: .normal)
    }

    /// The change a form asks for, or an error naming the field that is missing or wrong.
    static func change(_ form: Form) throws -> LabelChange {
        let issue = (form.issue ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        func requireIssue() throws -> String {
            guard !issue.isEmpty else { throw StoreError.invalid(field: "issue", messageKey: "form.error.required") }
            return issue
        }
        switch form.change {
        case "confirm": return .confirm(issue: try requireIssue())
        case "reject": return .reject(issue: try requireIssue())
        case "add": return .add(issue: try requireIssue())
        case "confirm-action": return .confirmAction
        case "action":
            let raw = (form.actionCategory ?? "").trimmingCharacters(in: .whitespaces)
            if raw.isEmpty { return .setAction(nil) }
            guard let category = ActionCategory(parsing: raw) else {
                throw StoreError.invalid(field: "actionCategory", messageKey: "form.error.choice")
            }
            return .setAction(category)
        default:
            throw StoreError.invalid(field: "labels", messageKey: "form.error.choice")
        }
    }
}
