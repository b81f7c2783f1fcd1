import Foundation
import UPRLocalization
import UPRStore
import Vapor

/// The signed-in person's notices, newest first, each in their language and linked to what it is about.
public struct InboxView: Encodable {
    struct Row: Encodable {
        var id: Int
        var text: String
        var href: SiteRoute
        var at: String
        var unread: Bool
    }
    var layout: Layout
    var csrf: String
    var rows: [Row]
    var hasRows: Bool
    var unread: Int

    /// Where a notice's subject lives.
    static func route(_ notice: InboxNotification) -> SiteRoute {
        switch notice.subjectKind {
        case .actionItem: SiteRoute.actionItems.at("action-\(notice.subjectID)")
        case .meeting: .meeting(notice.subjectID)
        case .recommendation: .recommendation(notice.subjectID)
        case .planEntry: .planEntry(notice.subjectID)
        case .indicator: .indicator(notice.subjectID)
        case .midTerm: .dashboard()
        case .comment: .comment(notice.subjectID)
        default: .inbox
        }
    }

    /// The address of a notice's subject (the link of a notice in a mail digest).
    public static func href(_ notice: InboxNotification) -> String { route(notice).href }

    @Sendable static func show(_ request: Request) async throws -> Vapor.Response {
        let user = try request.requireUser()
        let notices = try await NotificationStore(try request.sql()).inbox(userID: user.account.id)
        return try await request.view.render("inbox", make(notices, request.page)).encodeResponse(for: request)
    }

    /// The page from the person's notices, newest first.
    static func make(_ notices: [InboxNotification], _ context: PageContext) -> InboxView {
        let t = context.t
        let rows = notices.map { notice in
            Row(
                id: notice.id, text: t(notice.textKey, notice.arguments), href: route(notice),
                at: Timestamp.date(notice.createdAt).map { t.date($0) } ?? notice.createdAt,
                unread: notice.readAt == nil)
        }
        return InboxView(
            layout: Layout(context, title: t("inbox.title"), section: .inbox), csrf: context.csrf,
            rows: rows, hasRows: !rows.isEmpty, unread: rows.filter(\.unread).count)
    }

    struct ReadForm: Content {
        var id: Int?
    }

    /// Marks one notice (or all) read. Only the person's own notices can change; reading is not audited, it
    /// changes nothing anyone else sees.
    static let markRead = FormPost(
        ReadForm.self, load: { try $0.requireUser() }, rule: .signedIn,
        write: { user, form, write in
            try await NotificationStore(write.sql).markRead(userID: user.account.id, id: form.id)
            return .redirect(.inbox)
        })
}
