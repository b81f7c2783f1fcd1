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

    static let save = FormPost(
        Form.self,
        load: { request in
            let id = try request.pathID()
            guard try await RecommendationDetail.exists(id: id, on: request.sql()) else { throw Abort(.notFound) }
            return id
        }, rule: .always(.reviewLabels),
        write: { id, form, write in
            try await LabelReview.apply(
                try change(form), recommendationID: id, version: form.version ?? 0, actor: write.actor, on: write.sql)
            return .redirect(.recommendation(id), at: "labels")
        },
        refused: { request, _, _, errors in
            try await request.render(
                "recommendation", RecommendationView.build(request, errors: errors), status: .unprocessableEntity)
        },
        conflict: { request, _, _ in
            // Someone changed the recommendation since the page was read: show it as it is now.
            try await request.render(
                "recommendation",
                RecommendationView.build(
                    request, errors: [FieldError(field: "labels", message: request.t("labels.error.stale"))]),
                status: .conflict)
        })

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
