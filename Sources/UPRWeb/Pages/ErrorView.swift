import Vapor

/// The page shown for a missing page, a bad parameter or a failure.
struct ErrorView: Encodable {
    var layout: Layout
    var status: Int
    var message: String

    /// The page from the answer's status and the message the person reads (already in their language).
    static func make(status: HTTPStatus, message: String, _ context: PageContext) -> ErrorView {
        ErrorView(
            layout: Layout(context, title: context.t("error.title")), status: Int(status.code), message: message)
    }
}
