import FluentKit
import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// The discussion's routes: post a comment or a reply, a comment's own address, the reply page, and hiding.
enum DiscussionRoutes {
    struct PostForm: Content {
        var body: String?
        var parentID: Int?
        var visibility: String?
        var formal: String?
    }

    /// The subject of the path and its facts, or 404. A draft plan entry's thread is only found by members.
    static func subject(_ request: Request, _ kind: CommentSubject.Kind) async throws -> (
        CommentSubject, CommentSubjectFacts
    ) {
        guard let id = request.parameters.get("id", as: Int.self) else { throw Abort(.notFound) }
        let subject = CommentSubject(kind, id)
        guard let facts = try await CommentStore(try request.sql()).facts(subject),
            !facts.isDraft || Authorization.allows(request.actor, .readDrafts)
        else { throw Abort(.notFound) }
        return (subject, facts)
    }

    /// A comment the reader may see, or 404 (the public does not find members-only comments).
    static func visibleComment(_ request: Request) async throws -> Comment {
        guard let id = request.parameters.get("id", as: Int.self),
            let comment = try await CommentStore(try request.sql()).comment(id: id),
            comment.visibility == .public || Authorization.allows(request.actor, .readDrafts)
        else { throw Abort(.notFound) }
        return comment
    }

    static func post(_ kind: CommentSubject.Kind) -> FormPost<(CommentSubject, CommentSubjectFacts), PostForm> {
        FormPost(
            load: { try await subject($0, kind) }, rule: .always(.comment),
            write: { found, form, write in
                let (subject, facts) = found
                let formal = form.formal == "1" || form.formal == "on"
                if formal {
                    guard
                        Authorization.allows(
                            write.principal, .answerFormally(leadOrganisationID: facts.leadOrganisationID))
                    else {
                        throw Abort(
                            .forbidden, reason: write.request.t("comment.error.formalNotAllowed") + " (formal)")
                    }
                }
                guard let visibility = CommentVisibility(rawValue: form.visibility ?? "") else {
                    throw StoreError.invalid(field: "visibility", messageKey: "form.error.choice")
                }
                let draft = CommentDraft(
                    subject: subject, parentID: form.parentID, body: form.body ?? "", visibility: visibility,
                    isFormalAnswer: formal, author: write.principal)
                do {
                    let posted = try await CommentStore(write.sql).post(draft, actor: write.actor)
                    return .redirect(DiscussionSection.subjectRoute(subject), at: "comment-\(posted.id)")
                } catch let unknown as UnknownMentions {
                    throw FieldProblems([
                        .init(
                            field: "body", messageKey: "comment.error.unknownMention",
                            arguments: ["handles": unknown.handles.map { "@" + $0 }.joined(separator: ", ")])
                    ])
                }
            },
            refused: { request, found, form, errors in
                // The form again, as typed, with the reason it was refused.
                let (subject, facts) = found
                let parent: Comment? =
                    if let id = form.parentID { try await CommentStore(try request.sql()).comment(id: id) } else { nil }
                return try await request.render(
                    "comment",
                    CommentPageView.build(
                        request.page, subject: subject, facts: facts,
                        parent: parent.flatMap { $0.subject == subject ? $0 : nil }, body: form.body ?? "",
                        visibility: CommentVisibility(rawValue: form.visibility ?? "") ?? .public,
                        formal: form.formal == "1" || form.formal == "on", errors: labelled(errors, request.t)),
                    status: .unprocessableEntity)
            })
    }

    /// A refusal's messages with the field they are about, as the discussion's forms show them.
    static func labelled(_ errors: [FieldError], _ t: Translator) -> [FieldError] {
        errors.map { FieldError(field: $0.field, message: $0.message + " (" + t("comment.field.\($0.field)") + ")") }
    }

    /// A comment's own address (the inbox links here): its place in its thread.
    @Sendable static func permalink(_ request: Request) async throws -> Vapor.Response {
        let comment = try await visibleComment(request)
        return request.redirect(
            to: DiscussionSection.subjectRoute(comment.subject).href(at: "comment-\(comment.id)"), redirectType: .normal
        )
    }

    @Sendable static func showReply(_ request: Request) async throws -> Vapor.Response {
        try request.require(.comment)
        let parent = try await visibleComment(request)
        guard !parent.isHidden,
            let facts = try await CommentStore(try request.sql()).facts(parent.subject)
        else { throw Abort(.notFound) }
        return try await request.render(
            "comment",
            CommentPageView.build(
                request.page, subject: parent.subject, facts: facts, parent: parent, body: "",
                visibility: parent.visibility, formal: false),
            status: .ok)
    }

    struct HideForm: Content {
        var reason: String?
        var version: Int?
    }

    @Sendable static func showHide(_ request: Request) async throws -> Vapor.Response {
        try request.require(.hideComment)
        let comment = try await visibleComment(request)
        return try await request.render(
            "comment-hide", HideCommentView.build(request.page, comment: comment), status: .ok)
    }

    /// Hides a comment with the administrator's reason; a comment hidden or changed since the page was read is a
    /// conflict, shown on the same page.
    static let hide = FormPost(
        HideForm.self, load: visibleComment, rule: .always(.hideComment),
        write: { comment, form, write in
            try await CommentStore(write.sql).hide(
                comment.id, version: form.version ?? 0, reason: form.reason ?? "", hiddenBy: write.principal.userID,
                actor: write.actor)
            return .redirect(DiscussionSection.subjectRoute(comment.subject), at: "comment-\(comment.id)")
        },
        refused: { request, comment, form, errors in
            try await request.render(
                "comment-hide",
                HideCommentView.build(
                    request.page, comment: comment, reason: form.reason ?? "", errors: labelled(errors, request.t)),
                status: .unprocessableEntity)
        },
        conflict: { request, _, form in
            let now = try await visibleComment(request)
            return try await request.render(
                "comment-hide",
                HideCommentView.build(
                    request.page, comment: now, reason: form.reason ?? "",
                    errors: [FieldError(field: "reason", message: request.t("comment.error.stale"))]),
                status: .conflict)
        })
}
