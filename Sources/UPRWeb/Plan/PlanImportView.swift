import UPRStore
import Vapor

/// The import of a filled matrix: the upload form, and after an upload the preview of what it would change (rows
/// with problems, fields before and after) with the button that applies it.
struct PlanImportView: Encodable {
    struct Field: Encodable {
        var name: String
        var before: String
        var after: String
    }
    struct Change: Encodable {
        var row: Int
        var reference: String
        var isNew: Bool
        var fields: [Field]
    }
    struct Problem: Encodable {
        var row: Int
        var reference: String
        var message: String
    }
    var layout: Layout
    var csrf: String
    var heading: String
    var states: [String]
    var applyAction: SiteRoute?
    var changes: [Change]
    var problems: [Problem]
    var hasChanges: Bool
    var hasProblems: Bool
    var summary: String?
    var errors: [FieldError]
    var hasErrors: Bool
    var preview: Bool

    /// The page with the states under review read from the registry.
    static func load(
        _ request: Request, plan: MatrixTransfer.Plan? = nil, uploadID: Int? = nil, errors: [FieldError] = []
    ) async throws -> PlanImportView {
        let options = try await FilterOptions.load(on: request.sql())
        return build(request.page, states: options.statesUnderReview, plan: plan, uploadID: uploadID, errors: errors)
    }

    /// The form with the `states` to import for; with `plan`, the preview of the upload `uploadID`.
    static func build(
        _ context: PageContext, states: [String], plan: MatrixTransfer.Plan? = nil, uploadID: Int? = nil,
        errors: [FieldError] = []
    ) -> PlanImportView {
        let t = context.t
        let changes = (plan?.changes ?? []).map {
            Change(
                row: $0.row, reference: $0.reference, isNew: $0.entryID == nil,
                fields: $0.changedFields.map { field in
                    Field(name: t("plan.field.\(field.name)"), before: field.before, after: field.after)
                })
        }
        let problems = (plan?.errors ?? []).map {
            Problem(row: $0.row, reference: $0.reference, message: t($0.messageKey, $0.arguments))
        }
        return PlanImportView(
            layout: Layout(context, title: t("plan.import"), section: .plan), csrf: context.csrf,
            heading: t("plan.import"), states: states, applyAction: uploadID.map { .planImportApply(upload: $0) },
            changes: changes, problems: problems, hasChanges: !changes.isEmpty, hasProblems: !problems.isEmpty,
            summary: plan.map {
                t(
                    "import.preview.summary",
                    [
                        "changes": t.number($0.changes.count), "unchanged": t.number($0.unchanged),
                        "errors": t.number($0.errors.count),
                    ])
            },
            errors: errors, hasErrors: !errors.isEmpty, preview: plan != nil)
    }
}
