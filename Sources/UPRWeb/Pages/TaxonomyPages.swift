import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// The taxonomy browser: the list of taxonomies, then the terms of one with counts and links into the list.
struct TaxonomyIndexView: Encodable {
    struct Entry: Encodable {
        var label: String
        var description: String
        var href: String
    }
    var layout: Layout
    var heading: String
    var lead: String
    var entries: [Entry]

    static let browsable: [Taxonomy] = [.cluster, .issue, .theme, .affectedPersons, .sdg]

    static func load(_ request: Request) async throws -> TaxonomyIndexView {
        let t = request.t
        return TaxonomyIndexView(
            layout: Layout(request.page, title: t("taxonomies.title"), section: .taxonomies),
            heading: t("taxonomies.title"),
            lead: t("taxonomies.lead"),
            entries: browsable.map {
                Entry(
                    label: t($0.labelKey), description: t($0.labelKey + ".description"),
                    href: SiteRoute.taxonomy($0).href)
            })
    }
}

struct TaxonomyView: Encodable {
    struct Row: Encodable {
        var code: String
        var label: String
        var group: String
        var count: String?
        var href: String?
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
        let t = request.t
        func clusterLabel(_ code: String?) -> String {
            code.flatMap(Cluster.init(rawValue:)).map(t.cluster) ?? t("taxonomy.noCluster")
        }
        var rows: [Row] = []
        switch taxonomy {
        case .cluster:
            let subThemes = try await TaxonomyListing.load(.subTheme, on: sql)
            let issues = try await TaxonomyListing.load(.issue, on: sql)
            rows = listing.terms.map { term in
                let cluster = Cluster(rawValue: term.code)
                var filter = RecommendationFilter()
                filter.cluster = cluster
                let children =
                    subThemes.terms.filter { $0.parentCode == term.code }.map { sub in
                        Row(
                            code: sub.code, label: cluster.map { t.subTheme($0, sub.name) } ?? sub.name,
                            group: t("taxonomy.sub-theme"), count: nil, href: nil, children: [])
                    }
                    + issues.terms.filter { $0.cluster == term.code }.map {
                        var issueFilter = RecommendationFilter()
                        issueFilter.issue = $0.code
                        return Row(
                            code: $0.code, label: t.issue($0.name), group: t("taxonomy.issue"),
                            count: t.number($0.count),
                            href: SiteRoute.recommendations(issueFilter).href, children: [])
                    }
                return Row(
                    code: term.code, label: cluster.map(t.cluster) ?? term.name, group: "", count: t.number(term.count),
                    href: SiteRoute.recommendations(filter).href, children: children)
            }
            for index in rows.indices where Cluster(rawValue: rows[index].code) != nil {
                rows[index].subscribe = try await SubscribeButton.html(
                    request, .cluster, key: rows[index].code, name: rows[index].label)
            }
        case .issue, .theme:
            rows = listing.terms.map { term in
                var filter = RecommendationFilter()
                filter.issue = term.code
                return Row(
                    code: term.code, label: taxonomy == .issue ? t.issue(term.name) : term.name,
                    group: clusterLabel(term.cluster), count: t.number(term.count),
                    href: term.count > 0 ? SiteRoute.recommendations(filter).href : nil, children: [])
            }
        case .sdg:
            let targets = try await TaxonomyListing.load(.sdgTarget, on: sql)
            rows = listing.terms.map { term in
                Row(
                    code: term.code, label: Int(term.code).map { "\($0). " + t.sdg($0) } ?? term.name, group: "",
                    count: t.number(term.count), href: nil,
                    children: targets.terms.filter { $0.parentCode == term.code }.map {
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
            layout: Layout(request.page, title: t(taxonomy.labelKey), section: .taxonomies),
            heading: t(taxonomy.labelKey),
            description: t(taxonomy.labelKey + ".description"),
            groupHeading: taxonomy == .issue || taxonomy == .theme ? t("taxonomy.cluster") : nil,
            rows: rows)
    }
}
