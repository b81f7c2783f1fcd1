/// What the rules and the notices need to know about a thread's subject.
public struct CommentSubjectFacts: Sendable, Equatable {
    public var subject: CommentSubject
    /// The recommendations the subject concerns: the recommendation itself, or a plan entry's recommendation and
    /// the ones linked to it.
    public var recommendationIDs: [Int]
    /// The organisation responsible for the plan entry (for a recommendation: the lead of its plan entry).
    public var leadOrganisationID: Int?
    /// The report paragraph ("108.42"), or "#id" when the recommendation has none; and the state under review.
    public var reference: String
    public var state: String
    /// A plan entry still in draft: only members see it, so its whole thread is members-only.
    public var isDraft: Bool
}
