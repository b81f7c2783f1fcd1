import UPRDomain

/// A comment as its author sends it, before anything is checked.
public struct CommentDraft: Sendable {
    public var subject: CommentSubject
    public var parentID: Int?
    public var body: String
    public var visibility: CommentVisibility
    public var isFormalAnswer: Bool
    public var author: Principal

    public init(
        subject: CommentSubject, parentID: Int? = nil, body: String, visibility: CommentVisibility = .public,
        isFormalAnswer: Bool = false, author: Principal
    ) {
        self.subject = subject
        self.parentID = parentID
        self.body = body
        self.visibility = visibility
        self.isFormalAnswer = isFormalAnswer
        self.author = author
    }
}
