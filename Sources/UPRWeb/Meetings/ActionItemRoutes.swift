import FluentKit
import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// "My action items" (and commitments), the status form their owners use, and the inbox.
enum ActionItemRoutes {

    struct MineView: Encodable {
        var layout: Layout
        var csrf: String
        var actions: [MeetingView.Action]
        var hasActions: Bool
    }

    @Sendable static func mine(_ request: Request) async throws -> Vapor.Response {
        let user = try request.requireUser()
        let items = try await ActionItemStore(try request.sql()).owned(
            userID: user.account.id, organisationID: user.account.organisationID)
        let t = request.t
        let view = MineView(
            layout: Layout(request.page, title: t("actions.title"), section: .meetings), csrf: request.csrfToken,
            actions: MeetingView.actions(request, items), hasActions: !items.isEmpty)
        return try await request.view.render("action-items", view).encodeResponse(for: request)
    }

    struct StatusForm: Content {
        var status: String?
        var version: Int?
        var returnTo: String?
    }

    @Sendable static func setStatus(_ request: Request) async throws -> Vapor.Response {
        try CSRF.verify(request)
        guard let id = request.parameters.get("id", as: Int.self),
            let item = try await ActionItemStore(try request.sql()).item(id: id)
        else { throw Abort(.notFound) }
        try request.require(item.updateAction)
        let form = try request.content.decode(StatusForm.self)
        guard let status = form.status.flatMap(ActionItemStatus.init(rawValue:)) else {
            throw StoreError.invalid(field: "status", messageKey: "form.error.choice")
        }
        try await request.db.writeTransaction { database in
            try await ActionItemStore(try database.sqlDatabase()).setStatus(
                id, version: form.version ?? 0, status: status, actor: request.auditName)
        }
        // Back to the page the form was on; only local paths.
        let target = LocalPath.safe(form.returnTo, otherwise: .actionItems)
        return request.redirect(to: target + "#action-\(id)", redirectType: .normal)
    }
}
