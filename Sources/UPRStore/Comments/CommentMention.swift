/// A resolved mention of a comment: the handle as written and the person or organisation it names.
public struct CommentMention: Sendable, Equatable {
    public var handle: String
    public var userID: Int?
    public var userName: String?
    public var organisationID: Int?
    public var organisationName: String?
}
