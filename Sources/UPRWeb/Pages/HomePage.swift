import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// The home page: what is in the registry, with every count a link to the list it counts.
struct HomeView: Encodable {
    struct Bar: Encodable {
        var label: String
        var count: String
        var percent: Int
        var href: SiteRoute
    }
    var layout: Layout
    var heading: String
    var lead: String
    var searchAction: SiteRoute
    var total: String
    var pledges: String?
    var byResponse: [Bar]
    var byCluster: [Bar]
    var byCycle: [Bar]
    var byState: [Bar]
    var allStatesHref: SiteRoute
    var empty: Bool

    static func load(_ request: Request) async throws -> HomeView {
        make(try await RegistryStatistics.load(on: request.sql(), stateLimit: 12), request.page)
    }

    /// The page from the registry's counts.
    static func make(_ stats: RegistryStatistics, _ context: PageContext) -> HomeView {
        let t = context.t
        func bars(_ items: [(String, Int, RecommendationFilter)], of total: Int) -> [Bar] {
            items.map { label, count, filter in
                Bar(
                    label: label, count: t.number(count),
                    percent: total > 0 ? Int((Double(count) * 100 / Double(total)).rounded()) : 0,
                    href: SiteRoute.recommendations(filter))
            }
        }
        func filter(_ change: (inout RecommendationFilter) -> Void) -> RecommendationFilter {
            var filter = RecommendationFilter()
            filter.kind = .recommendation
            change(&filter)
            return filter
        }
        let responses: [(String, Int, RecommendationFilter)] = UPRDomain.Response.allCases.compactMap { response in
            let count = stats.byResponse[response.rawValue] ?? 0
            if response == .pending && count == 0 { return nil }
            return (t.response(response), count, filter { $0.response = response })
        }
        let clusters: [(String, Int, RecommendationFilter)] = Cluster.allCases.compactMap { cluster in
            stats.byCluster[cluster.rawValue].map { RegistryStatistics.Count(key: cluster.rawValue, count: $0) }
        }.compactMap { item in
            guard let cluster = Cluster(rawValue: item.key) else { return nil }
            return (t.cluster(cluster), item.count, filter { $0.cluster = cluster })
        }
        let cycles: [(String, Int, RecommendationFilter)] = stats.byCycle.sorted { $0.key < $1.key }.map {
            RegistryStatistics.Count(key: $0.key, count: $0.value)
        }.compactMap { item in
            guard let cycle = Int(item.key) else { return nil }
            return (
                t("cycle.n", ["n": String(cycle)]) + " (" + Cycle.years(cycle) + ")", item.count,
                filter { $0.cycle = cycle }
            )
        }
        let rankedStates = RegistryStatistics.ranked(stats.byState)
        let states: [(String, Int, RecommendationFilter)] = rankedStates.map { item in
            (item.key, item.count, filter { $0.state = item.key })
        }
        let maxState = rankedStates.first?.count ?? 0
        return HomeView(
            layout: Layout(context, title: t("site.name"), section: .home),
            heading: t("home.title"),
            lead: t("home.lead"),
            searchAction: SiteRoute.recommendations(RecommendationFilter()),
            total: t.plural("home.total", count: stats.recommendations),
            pledges: stats.voluntaryPledges > 0 ? t.plural("home.pledges", count: stats.voluntaryPledges) : nil,
            byResponse: bars(responses, of: stats.recommendations),
            byCluster: bars(clusters, of: stats.recommendations),
            byCycle: bars(cycles, of: stats.recommendations),
            byState: bars(states, of: maxState),
            allStatesHref: SiteRoute.states,
            empty: stats.recommendations == 0 && stats.voluntaryPledges == 0)
    }
}
