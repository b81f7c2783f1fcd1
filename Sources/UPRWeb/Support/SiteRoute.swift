import Foundation
import UPRDomain
import UPRStore

/// The one table of the site's addresses. Handlers are registered from it and every link in a page is built by it,
/// so a path is written once.
public enum SiteRoute: Sendable, Equatable {
    case home
    case recommendations(RecommendationFilter, page: Int = 1)
    case recommendation(Int)
    /// Where a person confirms, rejects or adds a recommendation's labels (POST).
    case labels(Int)
    case states
    case state(String)
    case taxonomies
    case taxonomy(Taxonomy)
    case language(String, returnTo: String)
    case stylesheet
    case health
    /// The implementation-plan matrix of a view, one page of it.
    case plan(PlanMatrix.Scope, page: Int = 1)
    /// The whole view as the annex 8.1 matrix: `xlsx` or `csv`.
    case planExport(PlanMatrix.Scope, format: String)
    /// The indicators, filtered; and one indicator's page.
    case indicators(IndicatorFilter)
    case indicator(Int)
    case meetings
    case meeting(Int)
    case agreements
    case agreement(Int)
    /// The public calendar feed of public meetings, and a person's feed behind its secret token.
    case publicCalendar
    case personalCalendar(token: String)
    /// Where a subject's discussion is posted to (POST), a comment's own address (it leads to its place in the
    /// thread), the page to reply to it, and the administrator's page to hide it.
    case comments(CommentSubject)
    case comment(Int)
    case commentReply(Int)
    case commentHide(Int)
    case api(APIRoute)

    public enum APIRoute: Sendable, Equatable {
        case recommendations
        case recommendation(Int)
        case similar(Int)
        case comments(Int)
        case stats
        case states
        case state(String)
        case taxonomies
        case taxonomy(Taxonomy)
        case openAPI
    }

    /// The path with its query string, percent-encoded.
    public var href: String {
        switch self {
        case .home: return "/"
        case .recommendations(let filter, let page):
            var items = filter.queryItems
            if page > 1 { items.append(("page", String(page))) }
            return "/recommendations" + Self.query(items)
        case .recommendation(let id): return "/recommendations/\(id)"
        case .labels(let id): return "/recommendations/\(id)/labels"
        case .states: return "/states"
        case .state(let name): return "/states/" + Self.segment(name)
        case .taxonomies: return "/taxonomies"
        case .taxonomy(let taxonomy): return "/taxonomies/" + taxonomy.rawValue
        case .language(let code, let returnTo): return "/language/\(code)" + Self.query([("return", returnTo)])
        case .stylesheet: return "/assets/site.css"
        case .health: return "/healthz"
        case .plan(let scope, let page):
            return "/plan" + Self.query(Self.scopeItems(scope) + (page > 1 ? [("page", String(page))] : []))
        case .planExport(let scope, let format): return "/plan/export.\(format)" + Self.query(Self.scopeItems(scope))
        case .indicators(let filter):
            var items: [(String, String)] = []
            if let state = filter.state { items.append(("state", state)) }
            if let group = filter.workingGroupID { items.append(("group", String(group))) }
            if let organisation = filter.organisationID { items.append(("organisation", String(organisation))) }
            if let kind = filter.kind { items.append(("kind", kind.rawValue)) }
            return "/indicators" + Self.query(items)
        case .indicator(let id): return "/indicators/\(id)"
        case .meetings: return "/meetings"
        case .meeting(let id): return "/meetings/\(id)"
        case .agreements: return "/agreements"
        case .agreement(let id): return "/agreements/\(id)"
        case .publicCalendar: return "/calendar/public.ics"
        case .personalCalendar(let token): return "/calendar/" + Self.segment(token) + ".ics"
        case .comments(let subject):
            switch subject.kind {
            case .recommendation: return "/recommendations/\(subject.id)/comments"
            case .planEntry: return "/plan/entries/\(subject.id)/comments"
            }
        case .comment(let id): return "/comments/\(id)"
        case .commentReply(let id): return "/comments/\(id)/reply"
        case .commentHide(let id): return "/comments/\(id)/hide"
        case .api(let api):
            switch api {
            case .recommendations: return "/api/v1/recommendations"
            case .recommendation(let id): return "/api/v1/recommendations/\(id)"
            case .similar(let id): return "/api/v1/recommendations/\(id)/similar"
            case .comments(let id): return "/api/v1/recommendations/\(id)/comments"
            case .stats: return "/api/v1/stats"
            case .states: return "/api/v1/states"
            case .state(let name): return "/api/v1/states/" + Self.segment(name)
            case .taxonomies: return "/api/v1/taxonomies"
            case .taxonomy(let taxonomy): return "/api/v1/taxonomies/" + taxonomy.rawValue
            case .openAPI: return "/api/v1/openapi.json"
            }
        }
    }

    /// Route patterns as Vapor registers them (`:name` for parameters), keyed by what they serve.
    enum Pattern {
        static let home: [String] = []
        static let recommendations = ["recommendations"]
        static let recommendation = ["recommendations", ":id"]
        static let labels = ["recommendations", ":id", "labels"]
        static let states = ["states"]
        static let state = ["states", ":name"]
        static let taxonomies = ["taxonomies"]
        static let taxonomy = ["taxonomies", ":taxonomy"]
        static let language = ["language", ":code"]
        static let stylesheet = ["assets", "site.css"]
        static let health = ["healthz"]
        static let recommendationComments = ["recommendations", ":id", "comments"]
        static let planEntryComments = ["plan", "entries", ":id", "comments"]
        static let comment = ["comments", ":id"]
        static let commentReply = ["comments", ":id", "reply"]
        static let commentHide = ["comments", ":id", "hide"]
        static let apiRecommendations = ["api", "v1", "recommendations"]
        static let apiRecommendation = ["api", "v1", "recommendations", ":id"]
        static let apiSimilar = ["api", "v1", "recommendations", ":id", "similar"]
        static let apiComments = ["api", "v1", "recommendations", ":id", "comments"]
        static let apiStats = ["api", "v1", "stats"]
        static let apiStates = ["api", "v1", "states"]
        static let apiState = ["api", "v1", "states", ":name"]
        static let apiTaxonomies = ["api", "v1", "taxonomies"]
        static let apiTaxonomy = ["api", "v1", "taxonomies", ":taxonomy"]
        static let apiOpenAPI = ["api", "v1", "openapi.json"]
    }

    /// The query parameters that name a matrix view (the plan page's `state`, `group` or `organisation`).
    static func scopeItems(_ scope: PlanMatrix.Scope) -> [(String, String)] {
        switch scope {
        case .state(let name): [("state", name)]
        case .workingGroup(let id): [("group", String(id))]
        case .leadOrganisation(let id): [("organisation", String(id))]
        }
    }

    static func segment(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/")))
            ?? value
    }

    static func query(_ items: [(String, String)]) -> String {
        guard !items.isEmpty else { return "" }
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        return "?"
            + items.map { name, value in
                name + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)
            }.joined(separator: "&")
    }
}
