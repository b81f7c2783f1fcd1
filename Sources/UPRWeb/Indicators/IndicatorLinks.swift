import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// The indicators tracking a recommendation or a plan entry, as those pages list them, with a link to add one.
struct IndicatorLinks: Encodable {
    struct Item: Encodable {
        var href: SiteRoute
        var title: String
        var smart: String
    }
    var items: [Item]
    var hasItems: Bool
    var addHref: SiteRoute?

    /// `entry` is the plan entry with its working group, when there is one (the rule on who may create depends on it).
    static func load(_ request: Request, recommendationID: Int?, entry: (id: Int, group: Int)?) async throws
        -> IndicatorLinks
    {
        let items = try await IndicatorStore(try request.sql()).tracking(
            planEntryID: entry?.id, recommendationID: recommendationID, includeDrafts: request.page.allows(.readDrafts))
        return make(items, recommendationID: recommendationID, entry: entry, request.page)
    }

    /// The list from the indicators tracking the recommendation or entry.
    static func make(
        _ items: [IndicatorListItem], recommendationID: Int?, entry: (id: Int, group: Int)?, _ context: PageContext
    ) -> IndicatorLinks {
        let t = context.t
        let groups: Set<Int> = entry.map { [$0.group] } ?? []
        var addHref: SiteRoute?
        if context.allows(.createIndicator(entryGroupIDs: groups)) {
            addHref =
                entry.map { SiteRoute.newIndicator(planEntryID: $0.id) }
                ?? recommendationID.map { SiteRoute.newIndicator(recommendationID: $0) }
        }
        return IndicatorLinks(
            items: items.map {
                Item(
                    href: SiteRoute.indicator($0.id), title: $0.title,
                    smart: t($0.smartPasses ? "smart.passesAll" : "smart.incomplete"))
            }, hasItems: !items.isEmpty, addHref: addHref)
    }
}
