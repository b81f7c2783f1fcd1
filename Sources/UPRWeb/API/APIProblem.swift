import Vapor

/// An API refusal with what a program needs to act on it: the status, a message in the request's language, the
/// field at fault (a 422), and headers such as `WWW-Authenticate`. `SiteErrorMiddleware` writes it as problem+json.
struct APIProblem: Error, Sendable {
    var status: HTTPResponseStatus
    var detail: String
    var field: String?
    var headers: HTTPHeaders = [:]
}
