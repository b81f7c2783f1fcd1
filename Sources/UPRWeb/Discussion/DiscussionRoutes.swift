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

    static func post(_ kind: CommentSubject.Kind) -> @Sendable (Request) async throws -> Vapor.Response {
        { request in
            try CSRF.verify(request)
            let user = try request.requireUser()
            try request.require(.comment)
            let (subject, facts) = try await subject(request, kind)
            let form = try request.content.decode(PostForm.self)
            let formal = form.formal == "1" || form.formal == "on"
            let t = request.t
            if formal,
                !Authorization.allows(user.actor, .answerFormally(leadOrganisationID: facts.leadOrganisationID))
            {
                throw Abort(.forbidden, reason: t("comment.error.formalNotAllowed") + " (formal)")
            }
            let store = CommentStore(try request.sql())
            let parent: Comment? = if let id = form.parentID { try await store.comment(id: id) } else { nil }
            let body = form.body ?? ""
            let visibility = CommentVisibility(rawValue: form.visibility ?? "")
            do {
                guard let visibility else {
                    throw StoreError.invalid(field: "visibility", messageKey: "form.error.choice")
                }
                let draft = CommentDraft(
                    subject: subject, parentID: form.parentID, body: body, visibility: visibility,
                    isFormalAnswer: formal, author: user.actor)
                let posted = try await request.db.writeTransaction { database in
                    try await CommentStore(try database.sqlDatabase()).post(draft, actor: request.auditName)
                }
                return request.redirect(
                    to: DiscussionSection.subjectHref(subject) + "#comment-\(posted.id)", redirectType: .normal)
            } catch StoreError.invalid(let field, let key) {
                return try await again(field: field, message: t(key))
            } catch let unknown as UnknownMentions {
                return try await again(
                    field: "body",
                    message: t(
                        "comment.error.unknownMention",
                        ["handles": unknown.handles.map { "@" + $0 }.joined(separator: ", ")]))
            }
            /// The form again, as typed, with the reason it was refused.
            func again(field: String, message: String) async throws -> Vapor.Response {
                try await request.render(
                    "comment",
                    CommentPageView.build(
                        request.page, subject: subject, facts: facts,
                        parent: parent.flatMap { $0.subject == subject ? $0 : nil }, body: body,
                        visibility: visibility ?? .public, formal: formal,
                        errors: [FieldError(field: field, message: message + " (" + t("comment.field.\(field)") + ")")]),
                    status: .unprocessableEntity)
            }
        }
    }

    /// A comment's own address (the inbox links here): its place in its thread.
    @Sendable static func permalink(_ request: Request) async throws -> Vapor.Response {
        let comment = try await visibleComment(request)
        return request.redirect(
            to: DiscussionSection.subjectHref(comment.subject) + "#comment-\(comment.id)", redirectType: .normal)
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
        return try await request.render("comment-hide", HideCommentView.build(request, comment: comment), status: .ok)
    }

    /// Hides a comment with the administrator's reason; a comment hidden or changed since the page was read is a
    /// conflict, shown on the same page.
    @Sendable static func hide(_ request: Request) async throws -> Vapor.Response {
        try CSRF.verify(request)
        let user = try request.requireUser()
        try request.require(.hideComment)
        let comment = try await visibleComment(request)
        let form = try request.content.decode(HideForm.self)
        let t = request.t
        do {
            try await request.db.writeTransaction { database in
                try await CommentStore(try database.sqlDatabase()).hide(
                    comment.id, version: form.version ?? 0, reason: form.reason ?? "", hiddenBy: user.account.id,
                    actor: request.auditName)
            }
        } catch StoreError.invalid(let field, let key) {
            return try await request.render(
                "comment-hide",
                HideCommentView.build(
                    request, comment: comment, reason: form.reason ?? "",
                    errors: [FieldError(field: field, message: t(key) + " (" + t("comment.field.\(field)") + ")")]),
                status: .unprocessableEntity)
        } catch StoreError.staleVersion {
            let now = try await visibleComment(request)
            return try await request.render(
                "comment-hide",
                HideCommentView.build(
                    request, comment: now, reason: form.reason ?? "",
                    errors: [FieldError(field: "reason", message: t("comment.error.stale"))]),
                status: .conflict)
        }
        return request.redirect(
            to: DiscussionSection.subjectHref(comment.subject) + "#comment-\(comment.id)", redirectType: .normal)
    }
}
