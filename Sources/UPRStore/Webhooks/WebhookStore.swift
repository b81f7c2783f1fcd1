import Foundation
import SQLKit
import UPRDomain

/// The webhooks the secretariat registers and what became of their deliveries: register (with a secret the caller
/// made and shows once), disable, delete, list, and send a given-up delivery again. Every change is audited; the
/// secret is never audited or read back here.
public struct WebhookStore: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// Every hook, the newest first.
    public func hooks() async throws -> [Webhook] {
        try await sql.raw("SELECT \(unsafeRaw: Webhook.columns) FROM webhooks ORDER BY id DESC").all()
            .map(Webhook.init(row:))
    }

    public func hook(id: Int) async throws -> Webhook? {
        try await sql.raw("SELECT \(unsafeRaw: Webhook.columns) FROM webhooks WHERE id = \(bind: id)").first()
            .map(Webhook.init(row:))
    }

    /// Whether `url` is an address deliveries can go to: `http` or `https` with a host (`WebAddress`), and no name
    /// or password in it, which would then be shown on the admin page and in logs.
    public static func acceptsURL(_ url: String) -> Bool {
        guard WebAddress.isValid(url), let components = URLComponents(string: url) else { return false }
        return components.user == nil && components.password == nil
    }

    /// Registers a hook. Refuses, naming the field, a missing or long name, an address deliveries cannot go to, and
    /// no event kind.
    public func create(
        name: String, url: String, kinds: Set<NotificationStore.Kind>, secret: String, actor: String
    ) async throws -> Int {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let url = url.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw StoreError.invalid(field: "name", messageKey: "form.error.required") }
        guard name.count <= 200 else { throw StoreError.invalid(field: "name", messageKey: "form.error.tooLong") }
        guard Self.acceptsURL(url) else { throw StoreError.invalid(field: "url", messageKey: "webhook.error.url") }
        let kinds = kinds.intersection(Webhook.eventKinds)
        guard !kinds.isEmpty else { throw StoreError.invalid(field: "kinds", messageKey: "webhook.error.kinds") }
        let row = try await sql.insert(into: "webhooks")
            .columns("name", "url", "kinds", "secret", "created_by", "created_at")
            .values(name, url, Webhook.text(kinds), secret, actor, Timestamp.string(Date()))
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int.self) else { throw StoreError.missingRow("webhook") }
        try await AuditLog.append(
            on: sql, actor: actor, action: "create", entity: .webhook, entityID: String(id),
            summary: "Webhook \(name) registered for \(url)", details: ["url": url, "kinds": Webhook.text(kinds)])
        return id
    }

    /// Stops a hook: no new deliveries, and those waiting are not sent; disabling it twice changes nothing.
    @discardableResult
    public func disable(_ id: Int, actor: String) async throws -> Bool {
        guard let hook = try await hook(id: id) else { throw StoreError.missingRow("webhook \(id)") }
        guard hook.disabledAt == nil else { return false }
        try await sql.raw(
            "UPDATE webhooks SET disabled_at = \(bind: Timestamp.string(Date())) WHERE id = \(bind: id)"
        ).run()
        try await AuditLog.append(
            on: sql, actor: actor, action: "disable", entity: .webhook, entityID: String(id),
            summary: "Webhook \(hook.name) disabled")
        return true
    }

    /// Removes a hook, its secret and its deliveries.
    public func delete(_ id: Int, actor: String) async throws {
        guard let hook = try await hook(id: id) else { throw StoreError.missingRow("webhook \(id)") }
        // Explicitly, not through the foreign key's cascade: SQLite enforces foreign keys only when asked to.
        try await sql.raw("DELETE FROM webhook_deliveries WHERE webhook_id = \(bind: id)").run()
        try await sql.raw("DELETE FROM webhooks WHERE id = \(bind: id)").run()
        try await AuditLog.append(
            on: sql, actor: actor, action: "delete", entity: .webhook, entityID: String(id),
            summary: "Webhook \(hook.name) deleted", details: ["url": hook.url])
    }

    static let deliverySelect = """
        SELECT d.id, d.webhook_id, d.event_id, d.event_kind, d.occurred_at, d.recommendation_ids, d.subject_kind,
               d.subject_id, d.created_at, d.next_attempt_at, d.attempts, d.delivered_at, d.failed_at, d.last_status,
               d.last_error, w.name AS webhook_name, w.url
        FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
        """

    /// The most recent deliveries of every hook, newest first; `failedOnly` keeps those given up.
    public func deliveries(limit: Int = 50, failedOnly: Bool = false) async throws -> [OutboxWebhook] {
        let filter = failedOnly ? "WHERE d.failed_at IS NOT NULL" : ""
        return try await sql.raw(
            "\(unsafeRaw: Self.deliverySelect) \(unsafeRaw: filter) ORDER BY d.id DESC LIMIT \(bind: limit)"
        ).all().map(OutboxWebhook.init(joined:))
    }

    public func delivery(id: Int) async throws -> OutboxWebhook? {
        try await sql.raw("\(unsafeRaw: Self.deliverySelect) WHERE d.id = \(bind: id)").first()
            .map(OutboxWebhook.init(joined:))
    }

    /// Sends a given-up delivery again, at once and with a fresh count of attempts (the receiver was fixed). Only a
    /// given-up one: a waiting delivery is on its way already, a delivered one was received.
    public func retry(_ id: Int, actor: String, now: Date = Date()) async throws {
        guard let delivery = try await delivery(id: id) else { throw StoreError.missingRow("webhook delivery \(id)") }
        guard delivery.failedAt != nil else {
            throw StoreError.invalid(field: "delivery", messageKey: "webhook.error.notFailed")
        }
        try await sql.raw(
            """
            UPDATE webhook_deliveries SET failed_at = NULL, attempts = 0,
                next_attempt_at = \(bind: Timestamp.string(now)) WHERE id = \(bind: id)
            """
        ).run()
        try await AuditLog.append(
            on: sql, actor: actor, action: "retry", entity: .webhook, entityID: String(delivery.webhookID),
            summary: "Webhook delivery \(id) (\(delivery.kind.rawValue)) to \(delivery.webhookName) sent again")
    }
}
