import SQLKit

/// A registered webhook: where deliveries go, which event kinds it wants, and whether it is still in use. The secret
/// is not part of it; only the sender reads it (`WebhookOutbox.secret(of:)`).
public struct Webhook: Sendable, Equatable {
    public var id: Int
    public var name: String
    public var url: String
    public var kinds: Set<NotificationStore.Kind>
    public var createdBy: String
    public var createdAt: String
    public var disabledAt: String?

    /// The event kinds a hook can ask for: those the subscriptions fan out, each about recommendations.
    public static let eventKinds: [NotificationStore.Kind] = [
        .planChanged, .responseChanged, .assessmentRecorded, .measurementAccepted, .commentPosted,
    ]

    static let columns = "id, name, url, kinds, created_by, created_at, disabled_at"

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int.self)
        name = try row.decode(column: "name", as: String.self)
        url = try row.decode(column: "url", as: String.self)
        kinds = Self.parse(try row.decode(column: "kinds", as: String.self))
        createdBy = try row.decode(column: "created_by", as: String.self)
        createdAt = try row.decode(column: "created_at", as: String.self)
        disabledAt = try row.decode(column: "disabled_at", as: String?.self)
    }

    /// The stored form of kinds: their names, sorted, separated by spaces.
    static func text(_ kinds: Set<NotificationStore.Kind>) -> String {
        kinds.map(\.rawValue).sorted().joined(separator: " ")
    }

    static func parse(_ text: String) -> Set<NotificationStore.Kind> {
        Set(text.split(separator: " ").compactMap { NotificationStore.Kind(rawValue: String($0)) })
    }
}
