import UPRStore
import Vapor

/// A recommendation's discussion as the API gives it to anyone: the public comments only, in thread order with
/// their depth; a hidden comment keeps its place, with the reason and without its text.
struct CommentList: Content {
    struct Item: Content {
        var id: Int
        var parentID: Int?
        var depth: Int
        var author: String
        var organisation: String?
        var createdAt: String
        var formalAnswer: Bool
        var text: String?
        var hiddenReason: String?
    }
    var recommendationID: Int
    var comments: [Item]

    init(recommendationID: Int, thread: [Comment]) {
        self.recommendationID = recommendationID
        comments = thread.map { comment in
            Item(
                id: comment.id, parentID: comment.parentID, depth: comment.depth, author: comment.authorName,
                organisation: comment.authorOrganisationName, createdAt: comment.createdAt,
                formalAnswer: comment.isFormalAnswer, text: comment.isHidden ? nil : comment.body,
                hiddenReason: comment.isHidden ? comment.hiddenReason : nil)
        }
    }
}
