import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// The list of states with what each received and made.
struct StateListView: Encodable {
    struct Row: Encodable {
        var name: String
        var href: SiteRoute
        var region: String
        var received: String
        var made: String
    }
    var layout: Layout
    var heading: String
    var rows: [Row]

    static func load(_ request: Request) async throws -> StateListView {
        make(try await StateListing.load(on: request.sql()), request.page)
    }

    /// The page from every state's counts.
    static func make(_ listing: StateListing, _ context: PageContext) -> StateListView {
        let t = context.t
        return StateListView(
            layout: Layout(context, title: t("states.title"), section: .states),
            heading: t("states.title"),
            rows: listing.states.map {
                Row(
                    name: $0.name, href: SiteRoute.state($0.name),
                    region: $0.regionalGroup.map { t.region($0) } ?? "",
                    received: t.number($0.received), made: t.number($0.made))
            })
    }
}

/// One state: its reviews with the split of responses, its recommendations by cluster, and links into the list.
struct StateView: Encodable {
    struct Review: Encodable {
        var label: String
        var href: SiteRoute
        var report: String
        var supported: String
        var noted: String
        var total: String
    }
    struct Bar: Encodable {
        var label: String
        var count: String
        var href: SiteRoute
    }
    var layout: Layout
    var heading: String
    var region: String?
    var summary: String
    var reviews: [Review]
    var clusters: [Bar]
    var receivedHref: SiteRoute
    var madeHref: SiteRoute
    var made: String
    var pledgesHref: SiteRoute?
    var pledges: String?
    /// The follow button (or a sign-in link), already escaped.
    var subscribe: SafeHTML?

    static func load(_ request: Request) async throws -> StateView {
        guard let name = request.parameters.get("name") else { throw Abort(.notFound) }
        guard let profile = try await StateProfile.load(name: name, on: request.sql()) else { throw Abort(.notFound) }
        return make(profile, subscribe: try await subscribeButton(request, profile.name), request.page)
    }

    /// The page from the state's profile.
    static func make(_ profile: StateProfile, subscribe: SafeHTML?, _ context: PageContext) -> StateView {
        let t = context.t
        func filter(_ change: (inout RecommendationFilter) -> Void) -> RecommendationFilter {
            var filter = RecommendationFilter()
            filter.state = profile.name
            change(&filter)
            return filter
        }
        let reviews = profile.reviews.map { review in
            Review(
                label: [
                    review.cycle.map { t("cycle.n", ["n": String($0)]) },
                    review.session.map { t("filter.session") + " \($0)" },
                ].compactMap { $0 }.joined(separator: ", "),
                href: SiteRoute.recommendations(
                    filter {
                        $0.session = review.session
                        $0.kind = .recommendation
                    }
                ),
                report: review.reportSymbol ?? "",
                supported: t.number(review.supported), noted: t.number(review.noted), total: t.number(review.total))
        }
        var made = RecommendationFilter()
        made.recommendingState = profile.name
        made.kind = .recommendation
        return StateView(
            layout: Layout(context, title: profile.name, section: .states),
            heading: profile.name,
            region: profile.regionalGroup.map { t.region($0) },
            summary: t.plural("state.received", count: profile.received),
            reviews: reviews,
            clusters: profile.byCluster.compactMap { item in
                guard let cluster = Cluster(rawValue: item.key) else { return nil }
                return Bar(
                    label: t.cluster(cluster), count: t.number(item.count),
                    href: SiteRoute.recommendations(
                        filter {
                            $0.cluster = cluster
                            $0.kind = .recommendation
                        }
                    ))
            },
            receivedHref: SiteRoute.recommendations(filter { $0.kind = .recommendation }),
            madeHref: SiteRoute.recommendations(made),
            made: t.plural("state.made", count: profile.made),
            pledgesHref: profile.voluntaryPledges > 0
                ? SiteRoute.recommendations(filter { $0.kind = .voluntaryPledge }) : nil,
            pledges: profile.voluntaryPledges > 0 ? t.plural("state.pledges", count: profile.voluntaryPledges) : nil,
            subscribe: subscribe)
    }

    static func subscribeButton(_ request: Request, _ name: String) async throws -> SafeHTML? {
        guard
            let id = try await StateDirectory.id(named: name, on: request.sql())
        else { return nil }
        return try await SubscribeButton.html(request, .state, key: String(id), name: name)
    }
}
