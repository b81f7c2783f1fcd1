import UPRStore
import Vapor

/// Turns every error into a page a person can read (HTML) or a problem document a program can read (API), with
/// the right status. Server errors are logged with their context; the person sees no internals.
struct SiteErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Vapor.Response {
        do {
            return try await next.respond(to: request)
        } catch {
            var (status, message) = describe(error, request: request)
            var allow: [HTTPMethod] = []
            if status == .notFound {
                // Nothing answered: a known address asked with a method it does not take is a 405, not a 404.
                allow = Endpoint.methods(serving: request.url.path[...])
                if !allow.isEmpty && !allow.contains(request.method) {
                    (status, message) = (.methodNotAllowed, request.t("error.methodNotAllowed"))
                } else {
                    allow = []
                }
            }
            if status == .unauthorized, !Endpoint.isAPI(request.url.path), request.method == .GET {
                // A page that needs an account: sign in, then come back.
                let here = request.url.path + (request.url.query.map { "?" + $0 } ?? "")
                return request.redirect(to: SiteRoute.login(returnTo: here).href)
            }
            if status.code >= 500 {
                request.logger.report(error: error)
            }
            if Endpoint.isAPI(request.url.path) {
                let api = error as? APIProblem
                let problem = Problem(
                    type: "about:blank", title: status.reasonPhrase, status: Int(status.code), detail: message,
                    field: api?.field)
                let response = Vapor.Response(status: status)
                try response.content.encode(problem, as: .json)
                response.headers.contentType = Problem.mediaType
                for (name, value) in api?.headers ?? [:] { response.headers.replaceOrAdd(name: name, value: value) }
                if !allow.isEmpty { response.headers.replaceOrAdd(name: .allow, value: Self.allowValue(allow)) }
                return response
            }
            let view = ErrorView.make(status: status, message: message, request.page)
            let response = try await request.render("error", view, status: status)
            if !allow.isEmpty { response.headers.replaceOrAdd(name: .allow, value: Self.allowValue(allow)) }
            return response
        }
    }

    private static func allowValue(_ methods: [HTTPMethod]) -> String {
        methods.map(\.rawValue).joined(separator: ", ")
    }

    private func describe(_ error: any Error, request: Request) -> (HTTPResponseStatus, String) {
        switch error {
        case let problem as APIProblem:
            return (problem.status, problem.detail)
        case StoreError.staleVersion:
            return (.conflict, request.t("error.conflict"))
        case StoreError.invalid(let field, let key):
            return (.unprocessableEntity, request.t(key) + " (" + field + ")")
        case let filter as FilterError:
            return (
                .badRequest,
                request.t(
                    filter.messageKey,
                    filter.arguments.merging(
                        ["parameter": filter.parameter, "value": filter.value]) { a, _ in a })
            )
        case let abort as any AbortError:
            if abort.status == .notFound {
                return (.notFound, abort.reason == "Not Found" ? request.t("error.notFound") : abort.reason)
            }
            if abort.status == .unauthorized { return (.unauthorized, request.t("error.unauthorized")) }
            if abort.status == .forbidden && abort.reason == "Forbidden" {
                return (.forbidden, request.t("error.forbidden"))
            }
            if abort.status.code >= 500 { return (abort.status, request.t("error.server")) }
            return (abort.status, abort.reason)
        default:
            return (.internalServerError, request.t("error.server"))
        }
    }
}

/// RFC 9457 problem details, the API's error body.
struct Problem: Content {
    var type: String
    var title: String
    var status: Int
    var detail: String
    /// The field at fault, for a refused value (422): a name of the request body (`value`, `breakdown.sex`) or a
    /// header (`Idempotency-Key`).
    var field: String? = nil

    static let mediaType = HTTPMediaType(type: "application", subType: "problem+json")
}
