import Foundation
import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// The administrator's page of webhooks: every hook with its address, event kinds and state (and buttons that
/// disable or delete it), the form that registers one, a new hook's secret shown once, and the recent deliveries and
/// the given-up ones with the receiver's status and error (a given-up one can be sent again).
struct AdminWebhooksView: Encodable {
    struct Hook: Encodable {
        var name: String
        var url: String
        var kinds: String
        var created: String
        var state: String
        var active: Bool
        var disableAction: SiteRoute
        var disableLabel: String
        var deleteAction: SiteRoute
        var deleteLabel: String
    }
    struct Delivery: Encodable {
        var id: Int
        var hook: String
        var kind: String
        var created: String
        var attempts: Int
        var state: String
        var status: String
        var error: String
        var failed: Bool
        var retryAction: SiteRoute
        var retryLabel: String
    }
    /// Recent deliveries, and the given-up ones: one table each, made alike.
    struct Section: Encodable {
        var id: String
        var heading: String
        var empty: String
        var deliveries: [Delivery]
        var hasDeliveries: Bool
    }
    var layout: Layout
    var csrf: String
    var action: SiteRoute
    var hooks: [Hook]
    var hasHooks: Bool
    var kinds: [SelectOption]
    var name: String
    var url: String
    /// The secret of the hook just registered, and its name.
    var secret: String?
    var secretName: String?
    var sections: [Section]
    var errors: [FieldError]
    var hasErrors: Bool

    /// The form as typed, to show again with the reasons it was refused.
    struct Typed: Sendable {
        var name = ""
        var url = ""
        var kinds: Set<NotificationStore.Kind> = Set(Webhook.eventKinds)
    }

    static func load(
        _ request: Request, typed: Typed = Typed(), secret: (name: String, secret: String)? = nil,
        errors: [FieldError] = []
    ) async throws -> AdminWebhooksView {
        let store = WebhookStore(try request.sql())
        return build(
            request.page, hooks: try await store.hooks(), recent: try await store.deliveries(limit: 50),
            failed: try await store.deliveries(limit: 50, failedOnly: true), typed: typed, secret: secret,
            errors: errors)
    }

    static func build(
        _ context: PageContext, hooks: [Webhook], recent: [OutboxWebhook], failed: [OutboxWebhook],
        typed: Typed = Typed(), secret: (name: String, secret: String)? = nil, errors: [FieldError] = []
    ) -> AdminWebhooksView {
        let t = context.t
        func kind(_ kind: NotificationStore.Kind) -> String { t("webhook.kind." + kind.rawValue) }
        func delivery(_ delivery: OutboxWebhook) -> Delivery {
            let state =
                if let delivered = delivery.deliveredAt {
                    t("webhook.delivered", ["time": ImportTime.moment(delivered, t)])
                } else if let failed = delivery.failedAt {
                    t("webhook.failed", ["time": ImportTime.moment(failed, t)])
                } else {
                    t("webhook.waiting", ["time": ImportTime.moment(delivery.nextAttemptAt, t)])
                }
            return Delivery(
                id: delivery.id, hook: delivery.webhookName, kind: kind(delivery.kind),
                created: ImportTime.moment(delivery.createdAt, t), attempts: delivery.attempts, state: state,
                status: delivery.lastStatus.map(String.init) ?? "–", error: delivery.lastError ?? "",
                failed: delivery.failedAt != nil, retryAction: .webhookDeliveryRetry(delivery.id),
                retryLabel: t("webhook.retryNamed", ["id": String(delivery.id)]))
        }
        return AdminWebhooksView(
            layout: Layout(context, title: t("webhook.title"), section: .admin), csrf: context.csrf,
            action: .webhooks,
            hooks: hooks.map { hook in
                Hook(
                    name: hook.name, url: hook.url,
                    kinds: Webhook.eventKinds.filter(hook.kinds.contains).map(kind).joined(separator: ", "),
                    created: ImportTime.moment(hook.createdAt, t) + " (" + hook.createdBy + ")",
                    state: hook.disabledAt.map { t("webhook.state.disabled") + " " + ImportTime.moment($0, t) }
                        ?? t("webhook.state.active"),
                    active: hook.disabledAt == nil, disableAction: .webhookDisable(hook.id),
                    disableLabel: t("webhook.disableNamed", ["name": hook.name]),
                    deleteAction: .webhookDelete(hook.id), deleteLabel: t("webhook.deleteNamed", ["name": hook.name]))
            },
            hasHooks: !hooks.isEmpty,
            kinds: Webhook.eventKinds.map {
                SelectOption(value: $0.rawValue, label: kind($0), selected: typed.kinds.contains($0))
            },
            name: typed.name, url: typed.url, secret: secret?.secret, secretName: secret?.name,
            sections: [
                Section(
                    id: "deliveries", heading: t("webhook.recent"), empty: t("webhook.noDeliveries"),
                    deliveries: recent.map(delivery), hasDeliveries: !recent.isEmpty),
                Section(
                    id: "failures", heading: t("webhook.failures"), empty: t("webhook.noFailures"),
                    deliveries: failed.map(delivery), hasDeliveries: !failed.isEmpty),
            ],
            errors: errors, hasErrors: !errors.isEmpty)
    }
}
