import FluentKit
import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// `/account/subscriptions`: what the person follows, each with a button to stop, and their digest choice.
struct SubscriptionsView: Encodable {
    struct Row: Encodable {
        var kind: String
        var name: String
        var href: SiteRoute
        var subject: String
        var key: String
    }
    var layout: Layout
    var csrf: String
    var rows: [Row]
    var hasRows: Bool
    var digestOptions: [SelectOption]
    var mailConfigured: Bool

    static func load(_ request: Request) async throws -> SubscriptionsView {
        let user = try request.requireUser()
        let store = SubscriptionStore(try request.sql())
        return make(
            try await store.subscriptions(userID: user.account.id),
            digest: try await store.digest(userID: user.account.id),
            mailConfigured: request.application.site.smtp != nil, request.page)
    }

    /// The page from what the person follows and their digest choice.
    static func make(
        _ subscriptions: [Subscription], digest: DigestFrequency, mailConfigured: Bool, _ context: PageContext
    ) -> SubscriptionsView {
        let t = context.t
        let rows = subscriptions.map { item in
            let name: String
            let href: SiteRoute
            switch item.subject {
            case .recommendation:
                name = item.name ?? item.key
                href = Int(item.key).map { SiteRoute.recommendation($0) } ?? .home
            case .cluster:
                name = Cluster(rawValue: item.key).map(t.cluster) ?? item.key
                var filter = RecommendationFilter()
                filter.cluster = Cluster(rawValue: item.key)
                href = .recommendations(filter)
            case .organisation:
                name = item.name ?? item.key
                href = Int(item.key).map { SiteRoute.plan(.leadOrganisation($0)) } ?? .planIndex
            case .state:
                name = item.name ?? item.key
                href = .state(name)
            }
            return Row(
                kind: t(item.subject.labelKey), name: name, href: href, subject: item.subject.rawValue, key: item.key)
        }
        return SubscriptionsView(
            layout: Layout(context, title: t("subscriptions.title")), csrf: context.csrf, rows: rows,
            hasRows: !rows.isEmpty,
            digestOptions: DigestFrequency.allCases.map {
                SelectOption(value: $0.rawValue, label: t($0.labelKey), selected: $0 == digest)
            },
            mailConfigured: mailConfigured)
    }

    @Sendable static func show(_ request: Request) async throws -> Vapor.Response {
        try await request.view.render("subscriptions", load(request)).encodeResponse(for: request)
    }

    struct DigestForm: Content {
        var digest: String?
    }

    static let setDigest = FormPost(
        DigestForm.self, load: { _ in }, rule: .always(.manageOwnSubscriptions),
        write: { _, form, write in
            guard let digest = form.digest.flatMap(DigestFrequency.init(rawValue:)) else {
                throw StoreError.invalid(field: "digest", messageKey: "form.error.choice")
            }
            try await SubscriptionStore(write.sql).setDigest(userID: write.principal.userID, digest, actor: write.actor)
            return .redirect(.subscriptions)
        })
}
