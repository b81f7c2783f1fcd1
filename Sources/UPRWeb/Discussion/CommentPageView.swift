import UPRDomain
import UPRStore
import Vapor

/// The page to reply to a comment, and the page a refused comment comes back on (with the reasons and the text as
/// typed, so nothing is lost).
struct CommentPageView: Encodable {
    var layout: Layout
    var heading: String
    var backHref: SiteRoute
    var parent: DiscussionSection.Entry?
    var form: CommentForm
    var errors: [FieldError]
    var hasErrors: Bool

    static func build(
        _ context: PageContext, subject: CommentSubject, facts: CommentSubjectFacts, parent: Comment?, body: String,
        visibility: CommentVisibility, formal: Bool, errors: [FieldError] = []
    ) -> CommentPageView {
        let t = context.t
        let heading =
            parent == nil
            ? t("comment.newHeading", ["ref": facts.reference, "state": facts.state])
            : t("comment.replyHeading", ["ref": facts.reference, "state": facts.state])
        let canFormal =
            parent != nil
            && context.allows(.answerFormally(leadOrganisationID: facts.leadOrganisationID))
        return CommentPageView(
            layout: Layout(context, title: heading, section: .recommendations), heading: heading,
            backHref: DiscussionSection.subjectRoute(subject).at("discussion"),
            parent: parent.map { DiscussionSection.entry(for: $0, t: t, canReply: false, canHide: false) },
            form: CommentForm.make(
                context, subject: subject, parent: parent?.id, body: body, visibility: visibility, formal: formal,
                canFormal: canFormal, membersOnly: parent?.visibility == .members || facts.isDraft),
            errors: errors, hasErrors: !errors.isEmpty)
    }
}
