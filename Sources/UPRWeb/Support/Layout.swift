import UPRLocalization
import UPRStore
import Vapor

/// What the shared page frame needs: language, title, navigation with the current section marked, and links that
/// switch the language while staying on the same page.
struct Layout: Encodable {
    struct Link: Encodable {
        var href: SiteRoute
        var label: String
        var current: Bool
        var lang: String? = nil
    }

    var lang: String
    var title: String
    var siteName: String
    var stylesheet: String
    /// The main sections; the site name links home. Reference pages (the taxonomies, the API) are in `footerNav`,
    /// so that the menu fits on one line on a laptop and in few on a phone.
    var nav: [Link]
    var footerNav: [Link]
    var languages: [Link]
    /// The signed-in person's name (their role is on the account page), nil for the public.
    var userName: String?
    var csrf: String
    /// The signed-in person's unread notices, shown beside the inbox link (nil for the public).
    var inboxLabel: String?
    var unread: Int
    /// This page's path and query, for forms that come back here.
    var here: String
    /// The site's fixed addresses, for the template.
    var links = SiteLinks.shared
    /// Seconds after which the page reloads itself (a running job's progress), nil for no reload.
    var refreshSeconds: Int? = nil

    enum Section {
        case home, recommendations, plan, indicators, assessments, dashboard, meetings, states, taxonomies, admin
        case account, inbox, api, none
    }

    init(_ context: PageContext, title: String, section: Section = .none) {
        let t = context.t
        lang = context.language.rawValue
        siteName = t("site.name")
        self.title = title == siteName ? title : title + " – " + siteName
        stylesheet = SiteRoute.stylesheet.href
        nav = [
            Link(
                href: SiteRoute.recommendations(RecommendationFilter()),
                label: t("nav.recommendations"), current: section == .recommendations),
            Link(href: SiteRoute.planIndex, label: t("nav.plan"), current: section == .plan),
            Link(
                href: SiteRoute.indicators(IndicatorFilter()), label: t("nav.indicators"),
                current: section == .indicators),
            Link(href: SiteRoute.rounds, label: t("nav.assessments"), current: section == .assessments),
            Link(href: SiteRoute.dashboard(), label: t("nav.dashboard"), current: section == .dashboard),
            Link(href: SiteRoute.meetings, label: t("nav.meetings"), current: section == .meetings),
            Link(href: SiteRoute.states, label: t("nav.states"), current: section == .states),
        ]
        footerNav = [
            Link(href: SiteRoute.taxonomies, label: t("nav.taxonomies"), current: section == .taxonomies),
            Link(href: SiteRoute.api(.openAPI), label: t("nav.api"), current: section == .api),
        ]
        if context.principal?.role == .administrator {
            nav.append(Link(href: SiteRoute.admin, label: t("nav.admin"), current: section == .admin))
        }
        userName = context.userName
        csrf = context.csrf
        unread = context.unread
        if context.signedIn {
            inboxLabel = unread > 0 ? t("inbox.navUnread", ["n": t.number(unread)]) : t("nav.inbox")
        }
        let here = context.here
        self.here = here
        languages = Language.allCases.map { language in
            Link(
                href: SiteRoute.language(language.rawValue, returnTo: here), label: language.nativeName,
                current: language == context.language, lang: language.rawValue)
        }
    }
}

extension Request {
    /// Renders a template with a status other than 200: a form sent back with its errors, a conflict, an error page.
    func render(_ template: String, _ context: some Encodable & Sendable, status: HTTPStatus) async throws
        -> Vapor.Response
    {
        let response = try await view.render(template, context).encodeResponse(for: self)
        response.status = status
        return response
    }
}
