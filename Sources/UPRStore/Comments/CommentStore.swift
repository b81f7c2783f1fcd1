import Foundation
import SQLKit
import UPRDomain

/// The discussion threads of recommendations and plan entries. `post` is the one place a comment is written, so
/// everything that reacts to a new comment (inbox notices now, subscriptions later) hangs off it.
public struct CommentStore: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// The facts of a thread's subject, or nil when it does not exist.
    public func facts(_ subject: CommentSubject) async throws -> CommentSubjectFacts? {
        let row: (any SQLRow)?
        switch subject.kind {
        case .recommendation:
            row = try await sql.raw(
                """
                SELECT r.id AS recommendation_id, r.paragraph, s.name AS state, p.id AS entry_id,
                       p.lead_organisation_id, p.status
                FROM recommendations r JOIN states s ON s.id = r.state_id
                LEFT JOIN plan_entries p ON p.recommendation_id = r.id
                WHERE r.id = \(bind: subject.id)
                """
            ).first()
        case .planEntry:
            row = try await sql.raw(
                """
                SELECT r.id AS recommendation_id, r.paragraph, s.name AS state, p.id AS entry_id,
                       p.lead_organisation_id, p.status
                FROM plan_entries p JOIN recommendations r ON r.id = p.recommendation_id
                JOIN states s ON s.id = r.state_id
                WHERE p.id = \(bind: subject.id)
                """
            ).first()
        }
        guard let row else { return nil }
        let recommendation = try row.decode(column: "recommendation_id", as: Int.self)
        var recommendations = [recommendation]
        if subject.kind == .planEntry {
            recommendations += try await sql.raw(
                """
                SELECT recommendation_id FROM plan_entry_links WHERE plan_entry_id = \(bind: subject.id)
                ORDER BY recommendation_id
                """
            ).all().map { try $0.decode(column: "recommendation_id", as: Int.self) }
        }
        let status = try row.decode(column: "status", as: String?.self)
        return CommentSubjectFacts(
            subject: subject, recommendationIDs: recommendations,
            leadOrganisationID: try row.decode(column: "lead_organisation_id", as: Int?.self),
            reference: try row.decode(column: "paragraph", as: String?.self) ?? "#\(recommendation)",
            state: try row.decode(column: "state", as: String.self),
            isDraft: subject.kind == .planEntry && status == "draft")
    }

    /// The columns of a comment with its author's names (alias `c`).
    private static let columns = """
        SELECT c.id, c.subject_kind, c.subject_id, c.parent_id, c.author_user_id, u.name AS author_name,
               c.author_organisation_id, o.name AS organisation_name,
               CASE WHEN c.hidden_at IS NULL THEN c.body ELSE '' END AS body, c.visibility, c.formal_answer,
               c.hidden_at, c.hidden_reason, c.created_at, c.version
        FROM comments c LEFT JOIN users u ON u.id = c.author_user_id
        LEFT JOIN organisations o ON o.id = c.author_organisation_id
        """

    private func decode(_ row: any SQLRow) throws -> Comment {
        Comment(
            id: try row.decode(column: "id", as: Int.self),
            subject: CommentSubject(
                CommentSubject.Kind(rawValue: try row.decode(column: "subject_kind", as: String.self))
                    ?? .recommendation, try row.decode(column: "subject_id", as: Int.self)),
            parentID: try row.decode(column: "parent_id", as: Int?.self),
            authorUserID: try row.decode(column: "author_user_id", as: Int?.self),
            authorName: try row.decode(column: "author_name", as: String?.self) ?? "",
            authorOrganisationID: try row.decode(column: "author_organisation_id", as: Int?.self),
            authorOrganisationName: try row.decode(column: "organisation_name", as: String?.self),
            body: try row.decode(column: "body", as: String.self),
            visibility: CommentVisibility(rawValue: try row.decode(column: "visibility", as: String.self)) ?? .members,
            isFormalAnswer: try row.decode(column: "formal_answer", as: Int.self) != 0,
            hiddenAt: try row.decode(column: "hidden_at", as: String?.self),
            hiddenReason: try row.decode(column: "hidden_reason", as: String?.self),
            createdAt: try row.decode(column: "created_at", as: String.self),
            version: try row.decode(column: "version", as: Int.self), depth: 0, mentions: [])
    }

    /// One comment with its mentions, or nil.
    public func comment(id: Int) async throws -> Comment? {
        guard
            var comment = try await sql.raw(SQLQueryString(Self.columns) + " WHERE c.id = \(bind: id)").first().map(
                decode)
        else { return nil }
        comment.mentions = try await mentions("c.id = \(bind: id)")[id] ?? []
        return comment
    }

    /// The resolved mentions of the comments matching `condition` (on alias `c`), by comment.
    private func mentions(_ condition: SQLQueryString) async throws -> [Int: [CommentMention]] {
        let query: SQLQueryString =
            """
            SELECT m.comment_id, m.handle, m.user_id, u.name AS user_name, m.organisation_id,
                   o.name AS organisation_name
            FROM comment_mentions m JOIN comments c ON c.id = m.comment_id
            LEFT JOIN users u ON u.id = m.user_id LEFT JOIN organisations o ON o.id = m.organisation_id
            WHERE
            """ + " " + condition + " ORDER BY m.id"
        var out: [Int: [CommentMention]] = [:]
        for row in try await sql.raw(query).all() {
            out[try row.decode(column: "comment_id", as: Int.self), default: []].append(
                CommentMention(
                    handle: try row.decode(column: "handle", as: String.self),
                    userID: try row.decode(column: "user_id", as: Int?.self),
                    userName: try row.decode(column: "user_name", as: String?.self),
                    organisationID: try row.decode(column: "organisation_id", as: Int?.self),
                    organisationName: try row.decode(column: "organisation_name", as: String?.self)))
        }
        return out
    }

    /// A subject's thread in reading order: each conversation in the order it started, every reply under the
    /// comment it answers. One query for the comments and one for their mentions; the nesting is resolved here.
    /// Members-only comments are left out unless `includeMembers`, and with them their replies.
    public func thread(_ subject: CommentSubject, includeMembers: Bool) async throws -> [Comment] {
        var query =
            SQLQueryString(Self.columns)
            + " WHERE c.subject_kind = \(bind: subject.kind.rawValue) AND c.subject_id = \(bind: subject.id)"
        if !includeMembers { query = query + " AND c.visibility = \(bind: CommentVisibility.public.rawValue)" }
        let comments = try await sql.raw(query + " ORDER BY c.id").all().map(decode)
        let mentions =
            comments.isEmpty
            ? [:]
            : try await mentions(
                "c.subject_kind = \(bind: subject.kind.rawValue) AND c.subject_id = \(bind: subject.id)")
        return Self.nest(
            comments.map { comment in
                var comment = comment
                comment.mentions = mentions[comment.id] ?? []
                return comment
            })
    }

    /// Orders comments depth-first under their parents (children by id) and sets each one's depth. A comment
    /// whose parent is not in the list (a members-only conversation the reader does not see) is left out.
    static func nest(_ comments: [Comment]) -> [Comment] {
        let present = Set(comments.map(\.id))
        var children: [Int: [Comment]] = [:]
        var roots: [Comment] = []
        for comment in comments {
            if let parent = comment.parentID {
                if present.contains(parent) { children[parent, default: []].append(comment) }
            } else {
                roots.append(comment)
            }
        }
        var out: [Comment] = []
        func visit(_ comment: Comment, _ depth: Int) {
            var comment = comment
            comment.depth = depth
            out.append(comment)
            for child in children[comment.id] ?? [] { visit(child, depth + 1) }
        }
        for root in roots { visit(root, 0) }
        return out
    }

    /// The people and organisations a text mentions; throws `UnknownMentions` listing the handles that name
    /// nobody (an unknown or inactive address, an organisation that does not exist).
    public func resolveMentions(in body: String) async throws -> [CommentMention] {
        let found = Mention.find(in: body)
        guard !found.isEmpty else { return [] }
        var resolved: [CommentMention] = []
        var unknown: [String] = []
        var organisations: [String: (Int, String)]? = nil
        for mention in found where !resolved.contains(where: { $0.handle.lowercased() == mention.handle.lowercased() })
        {
            switch mention.kind {
            case .person:
                if let row = try await sql.raw(
                    """
                    SELECT id, name FROM users WHERE LOWER(email) = \(bind: mention.handle.lowercased()) AND active = 1
                    """
                ).first() {
                    resolved.append(
                        CommentMention(
                            handle: mention.handle, userID: try row.decode(column: "id", as: Int.self),
                            userName: try row.decode(column: "name", as: String.self), organisationID: nil,
                            organisationName: nil))
                } else {
                    unknown.append(mention.handle)
                }
            case .organisation:
                if organisations == nil {
                    // Handles are the names in slug form; the list of organisations is short (tens), so it is read
                    // once and matched here rather than stored as another column.
                    var byHandle: [String: (Int, String)] = [:]
                    for row in try await sql.raw("SELECT id, name FROM organisations ORDER BY id").all() {
                        let name = try row.decode(column: "name", as: String.self)
                        byHandle[Slug.make(name)] = (try row.decode(column: "id", as: Int.self), name)
                    }
                    organisations = byHandle
                }
                if let (id, name) = organisations?[Slug.make(mention.handle)] {
                    resolved.append(
                        CommentMention(
                            handle: mention.handle, userID: nil, userName: nil, organisationID: id,
                            organisationName: name))
                } else {
                    unknown.append(mention.handle)
                }
            }
        }
        if !unknown.isEmpty { throw UnknownMentions(handles: unknown) }
        return resolved
    }

    /// Checks and writes a comment with its mentions, audits it, and puts the notices in the inboxes of the people
    /// concerned (the parent's author; the people mentioned and the active people of the organisations mentioned),
    /// all in the caller's transaction. Throws `StoreError.invalid` naming the field, or `UnknownMentions`, before
    /// anything is written.
    public func post(_ draft: CommentDraft, actor: String) async throws -> PostedComment {
        let body = draft.body.trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = CommentRules.bodyProblem(body) {
            throw StoreError.invalid(field: "body", messageKey: problem)
        }
        guard let facts = try await facts(draft.subject) else {
            throw StoreError.missingRow("\(draft.subject.kind.rawValue) \(draft.subject.id)")
        }
        guard Authorization.allows(draft.author, .comment) else {
            throw StoreError.invalid(field: "body", messageKey: "error.forbidden")
        }
        var parent: Comment? = nil
        if let parentID = draft.parentID {
            guard let found = try await comment(id: parentID), found.subject == draft.subject else {
                throw StoreError.invalid(field: "parent", messageKey: "comment.error.parent")
            }
            if found.isHidden { throw StoreError.invalid(field: "parent", messageKey: "comment.error.parentHidden") }
            parent = found
        }
        if draft.isFormalAnswer {
            guard parent != nil else {
                throw StoreError.invalid(field: "formal", messageKey: "comment.error.formalReply")
            }
            guard Authorization.allows(draft.author, .answerFormally(leadOrganisationID: facts.leadOrganisationID))
            else { throw StoreError.invalid(field: "formal", messageKey: "comment.error.formalNotAllowed") }
        }
        // A public reply would show the public a conversation it cannot see; a draft entry's thread is members-only.
        if draft.visibility == .public && (parent?.visibility == .members || facts.isDraft) {
            throw StoreError.invalid(field: "visibility", messageKey: "comment.error.visibility")
        }
        let mentions = try await resolveMentions(in: body)
        guard
            let author = try await sql.raw(
                """
                SELECT u.name, u.organisation_id, o.name AS organisation_name
                FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id WHERE u.id = \(bind: draft.author.userID)
                """
            ).first()
        else { throw StoreError.missingRow("user \(draft.author.userID)") }
        let authorName = try author.decode(column: "name", as: String.self)
        let organisationID = try author.decode(column: "organisation_id", as: Int?.self)
        let organisationName = try author.decode(column: "organisation_name", as: String?.self)

        let now = Timestamp.string(Date())
        let row = try await sql.insert(into: "comments")
            .columns(
                "subject_kind", "subject_id", "parent_id", "author_user_id", "author_organisation_id", "body",
                "visibility", "formal_answer", "created_at", "updated_at"
            )
            .values(
                draft.subject.kind.rawValue, draft.subject.id, draft.parentID, draft.author.userID, organisationID,
                body, draft.visibility.rawValue, draft.isFormalAnswer ? 1 : 0, now, now
            )
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int.self) else { throw StoreError.missingRow("comment") }
        for mention in mentions {
            try await sql.insert(into: "comment_mentions")
                .columns("comment_id", "handle", "user_id", "organisation_id")
                .values(id, mention.handle, mention.userID, mention.organisationID)
                .run()
        }
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: "create", entity: .comment, entityID: id,
            summary: draft.isFormalAnswer
                ? "Formal answer posted" : (parent == nil ? "Comment posted" : "Reply posted"),
            before: [:],
            after: [
                "subject": "\(draft.subject.kind.rawValue) \(draft.subject.id)",
                "parent": draft.parentID.map(String.init),
                "body": body, "visibility": draft.visibility.rawValue,
                "formalAnswer": draft.isFormalAnswer ? "yes" : nil,
            ])

        // Notices: the parent's author hears of the reply (or the formal answer); the people mentioned, and the
        // people of the organisations mentioned, of the mention. Nobody is told of their own comment, nor twice.
        let notices = NotificationStore(sql)
        let arguments = [
            "author": authorName, "organisation": organisationName ?? authorName, "ref": facts.reference,
            "state": facts.state,
        ]
        var notified: Set<Int> = [draft.author.userID]
        var recipientsInOrder: [Int] = []
        if let parentAuthor = parent?.authorUserID, !notified.contains(parentAuthor) {
            try await notices.notify(
                recipients: [parentAuthor], kind: draft.isFormalAnswer ? .formalAnswer : .replied,
                subjectKind: .comment, subjectID: id,
                textKey: draft.isFormalAnswer ? "notification.commentFormalAnswer" : "notification.commentReplied",
                arguments: arguments)
            notified.insert(parentAuthor)
            recipientsInOrder.append(parentAuthor)
        }
        var mentioned: [Int] = mentions.compactMap(\.userID)
        for organisation in mentions.compactMap(\.organisationID) {
            mentioned += try await notices.recipients(ownerUserID: nil, ownerOrganisationID: organisation)
        }
        let newlyMentioned = mentioned.filter { notified.insert($0).inserted }
        if !newlyMentioned.isEmpty {
            try await notices.notify(
                recipients: newlyMentioned, kind: .mentioned, subjectKind: .comment, subjectID: id,
                textKey: "notification.commentMentioned", arguments: arguments)
            recipientsInOrder += newlyMentioned
        }
        // Followers of the recommendations (their cluster, ministry or state) hear of the comment too, unless they
        // were told already. Every follower has an account, so members-only comments may reach them.
        recipientsInOrder += try await SubscriptionStore(sql).fanOut(
            recommendationIDs: facts.recommendationIDs, kind: .commentPosted, textKey: "notification.commentPosted",
            arguments: arguments, excludingUserID: draft.author.userID, subjectKind: .comment, subjectID: id,
            alsoExcluding: notified, toWebhooks: draft.visibility == .public)
        return PostedComment(
            id: id, subject: draft.subject, parentID: draft.parentID, recommendationIDs: facts.recommendationIDs,
            visibility: draft.visibility, isFormalAnswer: draft.isFormalAnswer, authorUserID: draft.author.userID,
            authorOrganisationID: organisationID, mentionedUserIDs: mentions.compactMap(\.userID),
            mentionedOrganisationIDs: mentions.compactMap(\.organisationID), notifiedUserIDs: recipientsInOrder)
    }

    /// Hides a comment if nobody changed it since `version`: its text leaves the pages and the table, and stays,
    /// with the reason, in the audit log. Hiding a hidden comment is a conflict, like any stale version.
    public func hide(_ id: Int, version: Int, reason: String, hiddenBy userID: Int, actor: String) async throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = CommentRules.reasonProblem(reason) {
            throw StoreError.invalid(field: "reason", messageKey: problem)
        }
        guard
            let row = try await sql.raw(
                "SELECT body, hidden_at, version FROM comments WHERE id = \(bind: id)"
            ).first()
        else { throw StoreError.missingRow("comment \(id)") }
        let body = try row.decode(column: "body", as: String.self)
        if try row.decode(column: "hidden_at", as: String?.self) != nil {
            throw StoreError.staleVersion(entity: "comments", id: id, expected: version)
        }
        _ = try await VersionedUpdate.run(
            table: "comments", id: id, expected: version,
            values: [
                ("hidden_at", Timestamp.string(Date())), ("hidden_by", userID), ("hidden_reason", reason), ("body", ""),
            ], on: sql)
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: "hide", entity: .comment, entityID: id, summary: "Comment hidden",
            before: ["body": body], after: ["body": nil, "hiddenReason": reason])
    }
}
