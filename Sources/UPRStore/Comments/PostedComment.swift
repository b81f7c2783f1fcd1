/// What `CommentStore.post` wrote (its notices to the people concerned and to followers included): enough for whoever
/// reacts to a new comment without reading it again.
public struct PostedComment: Sendable, Equatable {
    public var id: Int
    public var subject: CommentSubject
    public var parentID: Int?
    /// The recommendations the thread concerns (see `CommentSubjectFacts.recommendationIDs`).
    public var recommendationIDs: [Int]
    public var visibility: CommentVisibility
    public var isFormalAnswer: Bool
    public var authorUserID: Int
    public var authorOrganisationID: Int?
    public var mentionedUserIDs: [Int]
    public var mentionedOrganisationIDs: [Int]
    /// Everyone who got an inbox notice of it.
    public var notifiedUserIDs: [Int]
}
