import Leaf
import LeafKit
import Vapor

/// `#html(value)` in a template: the markup of a `SafeHTML` (made in Swift by the escaping builder), as it is. Any
/// other value — a plain string above all, or a dictionary that only looks like one — is refused: the page fails
/// with a server error that names the template value's kind, so a view model that hands over a `String` is found
/// by the first test that renders it instead of publishing what it holds.
struct HTMLTag: UnsafeUnescapedLeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard ctx.parameters.count == 1, let markup = SafeHTML.markup(sealedIn: ctx.parameters[0]) else {
            let kind = ctx.parameters.count == 1 ? "\(ctx.parameters[0].celf)" : "\(ctx.parameters.count) values"
            let message = "#html() takes one SafeHTML value, not \(kind)"
            (ctx.request?.logger ?? ctx.application?.logger)?.error("\(message)")
            throw LeafError(.unknownError(message))
        }
        return .string(markup)
    }
}
