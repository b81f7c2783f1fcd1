import UPRStore
import Vapor

/// The administrator's page to hide a comment: the comment as it reads now, and the reason to give.
struct HideCommentView: Encodable {
    var layout: Layout
    var heading: String
    var backHref: SiteRoute
    var comment: DiscussionSection.Entry
    var action: SiteRoute
    var csrf: String
    var version: Int
    var reason: String
    var errors: [FieldError]
    var hasErrors: Bool

    static func build(_ context: PageContext, comment: Comment, reason: String = "", errors: [FieldError] = [])
        -> HideCommentView
    {
        let t = context.t
        return HideCommentView(
            layout: Layout(context, title: t("comment.hideHeading"), section: .recommendations),
            heading: t("comment.hideHeading"),
            backHref: DiscussionSection.subjectRoute(comment.subject).at("comment-\(comment.id)"),
            comment: DiscussionSection.entry(for: comment, t: t, canReply: false, canHide: false),
            action: SiteRoute.commentHide(comment.id), csrf: context.csrf, version: comment.version,
            reason: reason, errors: errors, hasErrors: !errors.isEmpty)
    }
}
