import Leaf
import LeafKit
import UPRSecurity
import UPRStore
import Vapor

/// The web layer of the application: templates, middleware, routes and the caches behind the pages. The
/// application's composition (`UPRApplication` in `UPRApp`) sets up the database first and then calls this.
public enum SiteApplication {
    public static func configure(_ app: Application, site: SiteSettings) throws {
        app.http.server.configuration.responseCompression = .enabled
        // Form and API bodies are small; a large body is a mistake or an attack.
        app.routes.defaultMaxBodySize = "2mb"

        app.site = site
        app.searchCache = site.cacheSize > 0 ? SearchCache(capacity: site.cacheSize) : nil
        app.dashboardCache =
            site.cacheSize > 0
            ? VersionedCache(capacity: 256, concerns: DashboardContent.concerns) : nil
        app.roundCache =
            site.cacheSize > 0 ? VersionedCache(capacity: 256, concerns: RoundView.concerns) : nil
        app.similarityCache = SimilarityCache()
        // Made here, before any request or job can ask for it at the same time.
        _ = app.importProgress

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
        app.middleware.use(APITokenMiddleware())

        SiteRoutes.register(app)
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
/// A handler that serves a document with its own inline style sets a narrower policy of its own, which is kept.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Vapor.Response {
        let response = try await next.respond(to: request)
        if !response.headers.contains(name: "Content-Security-Policy") {
            response.headers.replaceOrAdd(name: "Content-Security-Policy", value: ContentSecurityPolicy.site)
        }
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        return response
    }
}
