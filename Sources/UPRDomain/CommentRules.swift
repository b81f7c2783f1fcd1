import Foundation

/// The limits of a comment, checked before anything is written.
public enum CommentRules {
    public static let maximumLength = 5000
    public static let maximumReasonLength = 500

    /// The problem of a comment's text, as a catalog key, or nil when it is fine.
    public static func bodyProblem(_ body: String) -> String? {
        let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return "form.error.required" }
        if trimmed.count > maximumLength { return "comment.error.tooLong" }
        return nil
    }

    /// The problem of the reason an administrator gives for hiding a comment, or nil.
    public static func reasonProblem(_ reason: String) -> String? {
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return "form.error.required" }
        if trimmed.count > maximumReasonLength { return "comment.error.reasonTooLong" }
        return nil
    }
}
