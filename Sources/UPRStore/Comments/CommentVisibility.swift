/// Who reads a comment: everyone, or only signed-in accounts (never public pages, feeds or the API).
public enum CommentVisibility: String, Sendable, Hashable, Codable, CaseIterable {
    case `public`
    case members
}
