import UPRLocalization
import Vapor

/// Decides the language of each request — the person's explicit choice (cookie) first, then the browser's
/// Accept-Language — and says so in the response so that caches keep the languages apart.
struct LanguageMiddleware: AsyncMiddleware {
    static let cookieName = "upr_lang"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Vapor.Response {
        request.language = Language.negotiate(
            acceptLanguage: request.headers.first(name: .acceptLanguage),
            cookie: request.cookies[Self.cookieName]?.string)
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: .contentLanguage, value: request.language.rawValue)
        response.headers.add(name: .vary, value: "Accept-Language, Cookie")
        return response
    }
}

private struct LanguageKey: StorageKey {
    typealias Value = Language
}

extension Request {
    /// The language this request is answered in.
    public var language: Language {
        get { storage[LanguageKey.self] ?? .en }
        set { storage[LanguageKey.self] = newValue }
    }

    /// Translations in the request's language.
    public var t: Translator { Translator(language) }
}
