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

        /// The page from the items the person or their organisation owns.
        static func make(_ items: [ActionItem], _ context: PageContext) -> MineView {
            MineView(
                layout: Layout(context, title: context.t("actions.title"), section: .meetings), csrf: context.csrf,
                actions: MeetingView.actions(context, items), hasActions: !items.isEmpty)
        }
    }

    @Sendable static func mine(_ request: Request) async throws -> Vapor.Response {
        let user = try request.requireUser()
        let items = try await ActionItemStore(try request.sql()).owned(
            userID: user.account.id, organisationID: user.account.organisationID)
        return try await request.view.render("action-items", MineView.make(items, request.page))
            .encodeResponse(for: request)
    }

    struct StatusForm: Content {
        var status: String?
        var version: Int?
        var returnTo: String?
    }

    static let setStatus = FormPost(
        StatusForm.self,
        load: { request in
            guard let item = try await ActionItemStore(try request.sql()).item(id: try request.pathID()) else {
                throw Abort(.notFound)
            }
            return item
        }, rule: .forSubject { $0.updateAction },
        write: { item, form, write in
            guard let status = form.status.flatMap(ActionItemStatus.init(rawValue:)) else {
                throw StoreError.invalid(field: "status", messageKey: "form.error.choice")
            }
            try await ActionItemStore(write.sql).setStatus(
                item.id, version: form.version ?? 0, status: status, actor: write.actor)
            // Back to the page the form was on; only local paths.
            return .back(form.returnTo, otherwise: .actionItems, at: "action-\(item.id)")
        })
}
