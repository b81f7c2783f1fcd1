/// Mentions of a comment that name nobody: the handles as written, so the form can list them.
public struct UnknownMentions: Error, Sendable, Equatable {
    public var handles: [String]
}
