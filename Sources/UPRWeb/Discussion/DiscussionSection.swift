import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// The "Discussion" part of a recommendation or plan entry page: the thread the reader may see, and the form to
/// start a conversation (signed-in accounts) or a link to sign in.
struct DiscussionSection: Encodable {
    struct Entry: Encodable {
        var id: Int
        var author: String
        var organisation: String?
        var at: String
        /// The text with its mentions as links, escaped; nil when the comment is hidden.
        var bodyHTML: SafeHTML?
        var hiddenNotice: String?
        var formalLabel: String?
        var isMembers: Bool
        /// Indentation step of a reply (capped, so deep threads stay readable on a phone).
        var depth: Int
        var replyHref: SiteRoute?
        var hideHref: SiteRoute?
    }

    var entries: [Entry]
    var hasEntries: Bool
    var form: CommentForm?
    var signInHref: SiteRoute?

    static func load(_ request: Request, subject: CommentSubject) async throws -> DiscussionSection {
        let store = CommentStore(try request.sql())
        let thread = try await store.thread(subject, includeMembers: request.page.allows(.readDrafts))
        return make(thread: thread, facts: try await store.facts(subject), subject: subject, request.page)
    }

    /// The section from a subject's thread (already limited to what the person may read) and its facts.
    static func make(thread: [Comment], facts: CommentSubjectFacts?, subject: CommentSubject, _ context: PageContext)
        -> DiscussionSection
    {
        let t = context.t
        let canComment = context.allows(.comment)
        let canHide = context.allows(.hideComment)
        let here = subjectHref(subject)
        return DiscussionSection(
            entries: thread.map { entry(for: $0, t: t, canReply: canComment, canHide: canHide) },
            hasEntries: !thread.isEmpty,
            form: canComment
                ? CommentForm.make(
                    context, subject: subject, parent: nil, body: "",
                    visibility: facts?.isDraft == true ? .members : .public, formal: false, canFormal: false,
                    membersOnly: facts?.isDraft == true) : nil,
            signInHref: canComment ? nil : .login(returnTo: here + "#discussion"))
    }

    static func entry(for comment: Comment, t: Translator, canReply: Bool, canHide: Bool) -> Entry {
        Entry(
            id: comment.id, author: comment.authorName, organisation: comment.authorOrganisationName,
            at: Timestamp.date(comment.createdAt).map { t.date($0) } ?? comment.createdAt,
            bodyHTML: comment.isHidden ? nil : bodyHTML(comment),
            hiddenNotice: comment.isHidden
                ? t("comment.hiddenNotice", ["reason": comment.hiddenReason ?? ""]) : nil,
            formalLabel: comment.isFormalAnswer
                ? t("comment.formalBy", ["organisation": comment.authorOrganisationName ?? comment.authorName]) : nil,
            isMembers: comment.visibility == .members, depth: min(comment.depth, 4),
            replyHref: canReply && !comment.isHidden ? SiteRoute.commentReply(comment.id) : nil,
            hideHref: canHide && !comment.isHidden ? SiteRoute.commentHide(comment.id) : nil)
    }

    /// The text, escaped, with each resolved mention as a link to the organisation's plan view, or the person's name
    /// in bold (never their e-mail address: a public comment must not publish it).
    static func bodyHTML(_ comment: Comment) -> SafeHTML {
        var out = SafeHTML.Builder(capacity: comment.body.utf8.count + 64)
        var cursor = comment.body.startIndex
        for mention in Mention.find(in: comment.body) {
            guard
                let resolved = comment.mentions.first(where: {
                    $0.handle.lowercased() == mention.handle.lowercased()
                })
            else { continue }
            out.text(String(comment.body[cursor..<mention.range.lowerBound]))
            if let organisation = resolved.organisationID {
                out.raw("<a class=\"mention\" href=\"")
                out.text(SiteRoute.plan(.leadOrganisation(organisation)).href)
                out.raw("\">@")
                out.text(resolved.organisationName ?? mention.handle)
                out.raw("</a>")
            } else {
                out.raw("<strong class=\"mention\">@")
                out.text(resolved.userName ?? "")
                out.raw("</strong>")
            }
            cursor = mention.range.upperBound
        }
        out.text(String(comment.body[cursor...]))
        return out.html
    }

    /// The page a thread lives on.
    static func subjectHref(_ subject: CommentSubject) -> String { subjectRoute(subject).href }

    static func subjectRoute(_ subject: CommentSubject) -> SiteRoute {
        switch subject.kind {
        case .recommendation: .recommendation(subject.id)
        case .planEntry: .planEntry(subject.id)
        }
    }
}
