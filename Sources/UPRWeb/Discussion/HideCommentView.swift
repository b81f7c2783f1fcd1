import UPRStore
import Vapor

/// The administrator's page to hide a comment: the comment as it reads now, and the reason to give.
struct HideCommentView: Encodable {
    var layout: Layout
    var heading: String
    var backHref: String
    var comment: DiscussionSection.Entry
    var action: SiteRoute
    var csrf: String
    var version: Int
    var reason: String
    var errors: [FieldError]
    var hasErrors: Bool

    static func build(_ request: Request, comment: Comment, reason: String = "", errors: [FieldError] = [])
        -> HideCommentView
    {
        let t = request.t
        return HideCommentView(
            layout: Layout(request.page, title: t("comment.hideHeading"), section: .recommendations),
            heading: t("comment.hideHeading"),
            backHref: DiscussionSection.subjectHref(comment.subject) + "#comment-\(comment.id)",
            comment: DiscussionSection.entry(for: comment, t: t, canReply: false, canHide: false),
            action: SiteRoute.commentHide(comment.id), csrf: request.csrfToken, version: comment.version,
            reason: reason, errors: errors, hasErrors: !errors.isEmpty)
    }
}
