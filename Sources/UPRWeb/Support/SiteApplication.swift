import Fluent
import Leaf
import LeafKit
import UPRStore
import Vapor

/// Builds the application from its settings. The server, the CLI and the tests all call this, so they run the same
/// app.
public enum SiteApplication {
    public static func configure(_ app: Application, settings: AppSettings) async throws {
        app.http.server.configuration.hostname = settings.hostname
        app.http.server.configuration.port = settings.port
        app.http.server.configuration.responseCompression = .enabled
        // Form and API bodies are small; a large body is a mistake or an attack.
        app.routes.defaultMaxBodySize = "2mb"

        app.settings = settings
        app.searchCache = settings.searchCacheSize > 0 ? SearchCache(capacity: settings.searchCacheSize) : nil
        app.dashboardCache = settings.searchCacheSize > 0 ? VersionedCache(capacity: 256) : nil
        app.roundCache = settings.searchCacheSize > 0 ? VersionedCache(capacity: 256) : nil
        app.similarityCache = SimilarityCache()
        app.passwords.use(.bcrypt(cost: settings.bcryptCost))
        try DatabaseSetup.register(app, settings: settings)
        try await DatabaseSetup.prepare(app, settings: settings)

        app.views.use(.leaf)
        app.leaf.sources = .singleSource(
            // Not `.default`: its `.toVisibleFiles` refuses any path under a hidden folder, and SwiftPM puts the
            // templates under `.build`.
            NIOLeafFiles(
                fileio: app.fileio, limits: [.toSandbox, .requireExtensions],
                sandboxDirectory: SiteResources.viewsDirectory,
                viewDirectory: SiteResources.viewsDirectory))
        app.leaf.tags["t"] = TranslateTag()
        // Markup written in Swift reaches a page only as SafeHTML through #html; Leaf's #unsafeHTML would print any
        // string as it is.
        app.leaf.tags["html"] = HTMLTag()
        app.leaf.tags["unsafeHTML"] = RetiredTag(name: "unsafeHTML", instead: "#html() with a SafeHTML value")
        app.leaf.cache.isEnabled = app.environment.isRelease || app.environment == .production

        app.middleware = Middlewares()
        app.middleware.use(LanguageMiddleware())
        app.middleware.use(SiteErrorMiddleware())
        app.middleware.use(SecurityHeadersMiddleware())
        app.middleware.use(AccountSessionMiddleware())

        try SiteRoutes.register(app)

        if settings.demo {
            let hash = try await app.password.async.hash(DemoData.password)
            if try await DemoData.loadIfEmpty(on: app.db, passwordHash: hash) {
                // The tests build on the demo's plan without entries of their own; the served demo shows indicators.
                if app.environment != .testing {
                    try await DemoIndicators.load(on: try app.sql())
                    try await DemoDiscussion.load(on: try app.sql())
                }
                app.logger.notice("Loaded the demo data (Mongolia).")
            }
            app.logger.notice(
                "Demo accounts (password \(DemoData.password)): \(DemoData.accounts.map(\.email).joined(separator: ", "))"
            )
        }
    }
}

extension SiteApplication {
    /// Starts building the similarity index in the background, so that the first recommendation page a server shows
    /// does not wait for it (about a second over 30,000 recommendations). For servers, not for commands or tests.
    public static func warmUp(_ app: Application) {
        Task {
            do {
                _ = try await app.similarityCache.corpus(on: app.sql())
            } catch {
                app.logger.warning("The similarity index will be built on first use: \(error)")
            }
        }
    }
}

/// Headers every response carries: no external content may load, pages may not be framed, types are not sniffed.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Vapor.Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(
            name: "Content-Security-Policy",
            value:
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'"
        )
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        return response
    }
}
