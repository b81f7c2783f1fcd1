import UPRDomain

/// One thing a person follows, with the name to show for it (a recommendation's paragraph and state, a state's or
/// an organisation's name; clusters are named by the catalog).
public struct Subscription: Sendable, Equatable {
    public var id: Int
    public var subject: SubscriptionSubject
    public var key: String
    public var name: String?
    public var createdAt: String
}
