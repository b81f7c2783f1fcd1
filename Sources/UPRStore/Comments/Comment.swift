/// One comment of a thread as pages show it, in thread order with its nesting depth.
public struct Comment: Sendable, Equatable {
    public var id: Int
    public var subject: CommentSubject
    public var parentID: Int?
    public var authorUserID: Int?
    public var authorName: String
    public var authorOrganisationID: Int?
    public var authorOrganisationName: String?
    /// Empty once hidden: the text lives on only in the audit log.
    public var body: String
    public var visibility: CommentVisibility
    public var isFormalAnswer: Bool
    public var hiddenAt: String?
    public var hiddenReason: String?
    public var createdAt: String
    public var version: Int
    /// 0 for a comment that starts a conversation, 1 for a reply to it, and so on.
    public var depth: Int
    public var mentions: [CommentMention]

    public var isHidden: Bool { hiddenAt != nil }
}
