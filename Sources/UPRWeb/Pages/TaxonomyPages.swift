import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// The taxonomy browser: the list of taxonomies, then the terms of one with counts and links into the list.
struct TaxonomyIndexView: Encodable {
    struct Entry: Encodable {
        var label: String
        var description: String
        var href: SiteRoute
    }
    var layout: Layout
    var heading: String
    var lead: String
    var entries: [Entry]

    static let browsable: [Taxonomy] = [.cluster, .issue, .theme, .affectedPersons, .sdg]

    static func load(_ request: Request) async throws -> TaxonomyIndexView { make(request.page) }

    /// The page, which lists the fixed taxonomies.
    static func make(_ context: PageContext) -> TaxonomyIndexView {
        let t = context.t
        return TaxonomyIndexView(
            layout: Layout(context, title: t("taxonomies.title"), section: .taxonomies),
            heading: t("taxonomies.title"),
            lead: t("taxonomies.lead"),
            entries: browsable.map {
                Entry(
                    label: t($0.labelKey), description: t($0.labelKey + ".description"),
                    href: SiteRoute.taxonomy($0))
            })
    }
}

struct TaxonomyView: Encodable {
    struct Row: Encodable {
        var code: String
        var label: String
        var group: String
        var count: String?
        var href: SiteRoute?
        var children: [Row]
        /// A cluster's follow button, already escaped.
        var subscribe: SafeHTML? = nil
        var hasChildren: Bool { !children.isEmpty }

        enum CodingKeys: String, CodingKey { case code, label, group, count, href, children, hasChildren, subscribe }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(label, forKey: .label)
            try container.encode(group, forKey: .group)
            try container.encodeIfPresent(count, forKey: .count)
            try container.encodeIfPresent(href, forKey: .href)
            try container.encode(children, forKey: .children)
            try container.encode(hasChildren, forKey: .hasChildren)
            try container.encodeIfPresent(subscribe, forKey: .subscribe)
        }
    }
    var layout: Layout
    var heading: String
    var description: String
    var groupHeading: String?
    var rows: [Row]

    static func load(_ request: Request) async throws -> TaxonomyView {
        guard let raw = request.parameters.get("taxonomy"), let taxonomy = Taxonomy(rawValue: raw),
            TaxonomyIndexView.browsable.contains(taxonomy)
        else { throw Abort(.notFound) }
        let sql = try request.sql()
        let listing = try await TaxonomyListing.load(taxonomy, on: sql)
        // The clusters list their sub-themes and issues; the goals their targets.
        let relatedTaxonomies: [Taxonomy] =
            switch taxonomy {
            case .cluster: [.subTheme, .issue]
            case .sdg: [.sdgTarget]
            default: []
            }
        var related: [Taxonomy: [TaxonomyListing.Entry]] = [:]
        for other in relatedTaxonomies { related[other] = try await TaxonomyListing.load(other, on: sql).terms }
        var followed: Set<String> = []
        if taxonomy == .cluster, let user = request.currentUser {
            let subscriptions = SubscriptionStore(sql)
            for term in listing.terms where Cluster(rawValue: term.code) != nil {
                if try await subscriptions.isSubscribed(userID: user.account.id, .cluster, key: term.code) {
                    followed.insert(term.code)
                }
            }
        }
        return make(taxonomy, listing: listing, related: related, followedClusters: followed, request.page)
    }

    /// The page from the taxonomy's terms, those of the taxonomies it lists under them, and the clusters the
    /// person follows.
    static func make(
        _ taxonomy: Taxonomy, listing: TaxonomyListing, related: [Taxonomy: [TaxonomyListing.Entry]],
        followedClusters: Set<String>, _ context: PageContext
    ) -> TaxonomyView {
        let t = context.t
        func clusterLabel(_ code: String?) -> String {
            code.flatMap(Cluster.init(rawValue:)).map(t.cluster) ?? t("taxonomy.noCluster")
        }
        var rows: [Row] = []
        switch taxonomy {
        case .cluster:
            let (subThemes, issues) = (related[.subTheme] ?? [], related[.issue] ?? [])
            rows = listing.terms.map { term in
                let cluster = Cluster(rawValue: term.code)
                var filter = RecommendationFilter()
                filter.cluster = cluster
                let children =
                    subThemes.filter { $0.parentCode == term.code }.map { sub in
                        Row(
                            code: sub.code, label: cluster.map { t.subTheme($0, sub.name) } ?? sub.name,
                            group: t("taxonomy.sub-theme"), count: nil, href: nil, children: [])
                    }
                    + issues.filter { $0.cluster == term.code }.map {
                        var issueFilter = RecommendationFilter()
                        issueFilter.issue = $0.code
                        return Row(
                            code: $0.code, label: t.issue($0.name), group: t("taxonomy.issue"),
                            count: t.number($0.count),
                            href: SiteRoute.recommendations(issueFilter), children: [])
                    }
                return Row(
                    code: term.code, label: cluster.map(t.cluster) ?? term.name, group: "", count: t.number(term.count),
                    href: SiteRoute.recommendations(filter), children: children)
            }
            for index in rows.indices where Cluster(rawValue: rows[index].code) != nil {
                rows[index].subscribe = SubscribeButton.make(
                    .cluster, key: rows[index].code, name: rows[index].label,
                    following: followedClusters.contains(rows[index].code), context)
            }
        case .issue, .theme:
            rows = listing.terms.map { term in
                var filter = RecommendationFilter()
                filter.issue = term.code
                return Row(
                    code: term.code, label: taxonomy == .issue ? t.issue(term.name) : term.name,
                    group: clusterLabel(term.cluster), count: t.number(term.count),
                    href: term.count > 0 ? SiteRoute.recommendations(filter) : nil, children: [])
            }
        case .sdg:
            let targets = related[.sdgTarget] ?? []
            rows = listing.terms.map { term in
                Row(
                    code: term.code, label: Int(term.code).map { "\($0). " + t.sdg($0) } ?? term.name, group: "",
                    count: t.number(term.count), href: nil,
                    children: targets.filter { $0.parentCode == term.code }.map {
                        Row(
                            code: $0.code, label: $0.code, group: "", count: t.number($0.count), href: nil, children: []
                        )
                    })
            }
        default:
            rows = listing.terms.map {
                Row(
                    code: $0.code, label: taxonomy == .affectedPersons ? t.affectedPersons($0.name) : $0.name,
                    group: "",
                    count: t.number($0.count), href: nil, children: [])
            }
        }
        return TaxonomyView(
            layout: Layout(context, title: t(taxonomy.labelKey), section: .taxonomies),
            heading: t(taxonomy.labelKey),
            description: t(taxonomy.labelKey + ".description"),
            groupHeading: taxonomy == .issue || taxonomy == .theme ? t("taxonomy.cluster") : nil,
            rows: rows)
    }
}
