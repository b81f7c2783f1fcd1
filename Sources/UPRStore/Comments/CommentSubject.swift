/// What a discussion thread is about: a recommendation or a plan entry.
public struct CommentSubject: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case recommendation
        case planEntry = "plan-entry"
    }
    public var kind: Kind
    public var id: Int

    public init(_ kind: Kind, _ id: Int) {
        self.kind = kind
        self.id = id
    }
}
