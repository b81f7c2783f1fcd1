import UPRDomain
import UPRStore
import Vapor

/// The form that writes a comment or a reply: text, who may read it and, for the responsible ministry's focal
/// point, the formal-answer checkbox.
struct CommentForm: Encodable {
    var action: SiteRoute
    var csrf: String
    var parentID: Int?
    var body: String
    var visibilities: [SelectOption]
    /// Only members-only is possible (a reply to a members-only comment, a draft entry's thread).
    var membersOnly: Bool
    var canFormal: Bool
    var formal: Bool
    var maximumLength: Int

    static func make(
        _ context: PageContext, subject: CommentSubject, parent: Int?, body: String, visibility: CommentVisibility,
        formal: Bool, canFormal: Bool, membersOnly: Bool
    ) -> CommentForm {
        let t = context.t
        return CommentForm(
            action: SiteRoute.comments(subject), csrf: context.csrf, parentID: parent, body: body,
            visibilities: CommentVisibility.allCases.filter { !membersOnly || $0 == .members }.map {
                SelectOption(
                    value: $0.rawValue, label: t("comment.visibility.\($0.rawValue)"),
                    selected: $0 == visibility || membersOnly)
            }, membersOnly: membersOnly, canFormal: canFormal, formal: formal,
            maximumLength: CommentRules.maximumLength)
    }
}
