import UPRLocalization
import Vapor

/// Registers every handler at the path `SiteRoute` builds links to.
enum SiteRoutes {
    static func register(_ app: Application) throws {
        typealias P = SiteRoute.Pattern
        get(app, P.home) { try await $0.view.render("home", HomeView.load($0)) }
        get(app, P.recommendations) { try await $0.view.render("recommendations", RecommendationListView.load($0)) }
        get(app, P.recommendation) { try await $0.view.render("recommendation", RecommendationView.load($0)) }
        app.on(.POST, P.labels.map { PathComponent(stringLiteral: $0) }, use: LabelReviewRoute.save)
        get(app, P.states) { try await $0.view.render("states", StateListView.load($0)) }
        get(app, P.state) { try await $0.view.render("state", StateView.load($0)) }
        get(app, P.taxonomies) { try await $0.view.render("taxonomies", TaxonomyIndexView.load($0)) }
        get(app, P.taxonomy) { try await $0.view.render("taxonomy", TaxonomyView.load($0)) }
        get(app, P.language, handler: switchLanguage)
        get(app, P.stylesheet, handler: stylesheet)
        get(app, P.health) { _ in "ok" }
        post(app, P.recommendationComments, handler: DiscussionRoutes.post(.recommendation))
        post(app, P.planEntryComments, handler: DiscussionRoutes.post(.planEntry))
        get(app, P.comment, handler: DiscussionRoutes.permalink)
        get(app, P.commentReply, handler: DiscussionRoutes.showReply)
        get(app, P.commentHide, handler: DiscussionRoutes.showHide)
        post(app, P.commentHide, handler: DiscussionRoutes.hide)

        get(app, P.apiRecommendations, handler: APIController.recommendations)
        get(app, P.apiRecommendation, handler: APIController.recommendation)
        get(app, P.apiSimilar, handler: APIController.similar)
        get(app, P.apiComments, handler: APIController.comments)
        get(app, P.apiStats, handler: APIController.stats)
        get(app, P.apiStates, handler: APIController.states)
        get(app, P.apiState, handler: APIController.state)
        get(app, P.apiTaxonomies, handler: APIController.taxonomies)
        get(app, P.apiTaxonomy, handler: APIController.taxonomy)
        get(app, P.apiOpenAPI, handler: APIController.openAPI)

        app.get("login", use: AuthController.showLogin)
        app.post("login", use: AuthController.login)
        app.get("login", "code", use: AuthController.showCode)
        app.post("login", "code", use: AuthController.code)
        app.post("logout", use: AuthController.logout)
        app.get("account", use: AccountController.show)
        app.post("account", "password", use: AccountController.changePassword)
        app.post("account", "totp", "start", use: AccountController.startTOTP)
        app.post("account", "totp", "confirm", use: AccountController.confirmTOTP)
        app.post("account", "totp", "disable", use: AccountController.disableTOTP)
        app.get("password-reset", ":token", use: AccountController.showReset)
        app.post("password-reset", ":token", use: AccountController.reset)
        PlanRoutes.register(app)
        AssessmentRoutes.register(app)
        ReportRoutes.register(app)
        IndicatorRoutes.register(app)
        MeetingRoutes.register(app)
        CalendarRoutes.register(app)
        AgreementRoutes.register(app)
        AdminRoutes.register(app)
        SubscriptionRoutes.register(app)
    }

    private static func get<R: AsyncResponseEncodable>(
        _ app: Application, _ pattern: [String], handler: @escaping @Sendable (Request) async throws -> R
    ) {
        app.on(.GET, pattern.map { PathComponent(stringLiteral: $0) }, use: handler)
    }

    private static func post<R: AsyncResponseEncodable>(
        _ app: Application, _ pattern: [String], handler: @escaping @Sendable (Request) async throws -> R
    ) {
        app.on(.POST, pattern.map { PathComponent(stringLiteral: $0) }, use: handler)
    }

    /// Remembers the person's language in a cookie and goes back to the page they were on. Only local paths are
    /// accepted as the destination, so the link cannot send anyone elsewhere.
    @Sendable static func switchLanguage(_ request: Request) async throws -> Vapor.Response {
        guard let code = request.parameters.get("code"), let language = Language(rawValue: code) else {
            throw Abort(.notFound)
        }
        let target = LocalPath.safe(try? request.query.get(String.self, at: "return"), otherwise: "/")
        let response = request.redirect(to: target, redirectType: .normal)
        response.cookies[LanguageMiddleware.cookieName] = HTTPCookies.Value(
            string: language.rawValue, maxAge: 60 * 60 * 24 * 365, path: "/", isSecure: false, isHTTPOnly: true,
            sameSite: .lax)
        return response
    }

    @Sendable static func stylesheet(_ request: Request) async throws -> Vapor.Response {
        let response = Vapor.Response(status: .ok, body: .init(data: try SiteResources.stylesheet()))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        response.headers.cacheControl = .init(maxAge: 3600)
        return response
    }
}
