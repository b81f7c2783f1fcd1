/// What a person can follow: one recommendation, a thematic cluster, the entries a ministry leads, or a state.
/// The key is the recommendation, organisation or state id, or the cluster code.
public enum SubscriptionSubject: String, Sendable, Codable, CaseIterable, Hashable {
    case recommendation
    case cluster
    /// The plan entries an organisation (a ministry) leads.
    case organisation
    case state

    public var labelKey: String { "subscription.subject.\(rawValue)" }

    /// Whether `key` can name a subject of this kind (an id, or a cluster code); the store checks it exists.
    public func accepts(_ key: String) -> Bool {
        switch self {
        case .cluster: Cluster(rawValue: key) != nil
        case .recommendation, .organisation, .state: Int(key).map { $0 > 0 } ?? false
        }
    }
}
