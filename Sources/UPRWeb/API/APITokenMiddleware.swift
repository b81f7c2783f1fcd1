import Vapor

/// Every API request that carries a token has it checked and counted before its handler runs, also where the
/// answer is public: a token that does not work is refused (401), and a token over its rate gets 429 on every
/// address, not only on those that read the token.
struct APITokenMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Vapor.Response {
        if request.headers.first(name: .authorization) != nil, Endpoint.isAPI(request.url.path) {
            _ = try await request.apiClient()
        }
        return try await next.respond(to: request)
    }
}
