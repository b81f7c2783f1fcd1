import Foundation
import UPRDomain
import UPRSecurity
import UPRStore
import Vapor

/// The administrator's webhook pages: list with recent deliveries and failures, register (the secret shown once,
/// on the page the form answers with), disable, delete, and send a given-up delivery again. Only the secretariat
/// manages webhooks, since a hook hears of events across every organisation; each change is audited by the store.
enum AdminWebhookRoutes {
    /// The secret's prefix, so that people and secret scanners can tell an UPR Tracker signing secret.
    static let secretPrefix = "whsec_"

    @Sendable static func list(_ request: Request) async throws -> Vapor.Response {
        try request.require(.manageWebhooks)
        return try await request.render("admin-webhooks", try await AdminWebhooksView.load(request), status: .ok)
    }

    struct HookForm: Content {
        var name: String?
        var url: String?
        var kinds: [String]?

        var typed: AdminWebhooksView.Typed {
            AdminWebhooksView.Typed(
                name: name ?? "", url: url ?? "",
                kinds: Set((kinds ?? []).compactMap(NotificationStore.Kind.init(rawValue:))))
        }
    }

    static let create = FormPost(
        HookForm.self, load: { _ in }, rule: .always(.manageWebhooks),
        write: { _, form, write in
            let typed = form.typed
            let secret = secretPrefix + SecureToken.generate()
            _ = try await WebhookStore(write.sql).create(
                name: typed.name, url: typed.url, kinds: typed.kinds, secret: secret, actor: write.actor)
            let name = typed.name.trimmingCharacters(in: .whitespacesAndNewlines)
            return .page { request in
                let view = try await AdminWebhooksView.load(request, secret: (name, secret))
                let response = try await request.render("admin-webhooks", view, status: .ok)
                response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
                return response
            }
        },
        refused: { request, _, form, errors in
            let t = request.t
            let labels = ["name": "webhook.name", "url": "webhook.url", "kinds": "webhook.kinds"]
            let named = errors.map { error in
                FieldError(
                    field: error.field, message: (labels[error.field].map { t($0) + ": " } ?? "") + error.message)
            }
            return try await request.render(
                "admin-webhooks", try await AdminWebhooksView.load(request, typed: form.typed, errors: named),
                status: .unprocessableEntity)
        })

    /// The hook of the path, or 404.
    @Sendable static func hook(_ request: Request) async throws -> Int {
        let id = try request.pathID()
        guard try await WebhookStore(try request.sql()).hook(id: id) != nil else { throw Abort(.notFound) }
        return id
    }

    static let disable = FormPost(
        VersionForm.self, load: hook, rule: .always(.manageWebhooks),
        write: { id, _, write in
            try await WebhookStore(write.sql).disable(id, actor: write.actor)
            return .redirect(.webhooks)
        })

    static let delete = FormPost(
        VersionForm.self, load: hook, rule: .always(.manageWebhooks),
        write: { id, _, write in
            try await WebhookStore(write.sql).delete(id, actor: write.actor)
            return .redirect(.webhooks)
        })

    static let retry = FormPost(
        VersionForm.self,
        load: { request in
            let id = try request.pathID()
            guard try await WebhookStore(try request.sql()).delivery(id: id) != nil else { throw Abort(.notFound) }
            return id
        }, rule: .always(.manageWebhooks),
        write: { id, _, write in
            try await WebhookStore(write.sql).retry(id, actor: write.actor)
            return .redirect(.webhooks, at: "deliveries")
        })
}
