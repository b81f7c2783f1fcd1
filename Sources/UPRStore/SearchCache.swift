import Synchronization

/// Recent search results of this process, each kept with the registry version it was computed at and used only
/// while the database still has that version. A search ranks every match (thousands for a common word), and the
/// same searches recur (the list's default page, a cluster's link, a word of the week); a cached page costs one
/// read of the version instead. Nothing here needs sharing between instances: each checks the shared version.
public final class SearchCache: Sendable {
    private struct Entry {
        var version: Int
        var page: RecommendationPage
    }
    private struct Storage {
        var entries: [RecommendationFilter: Entry] = [:]
        var order: [RecommendationFilter] = []  // oldest first, for eviction
    }
    private let storage = Mutex(Storage())
    public let capacity: Int

    public init(capacity: Int = 512) { self.capacity = capacity }

    func page(for filter: RecommendationFilter, version: Int) -> RecommendationPage? {
        storage.withLock { storage in
            guard let entry = storage.entries[filter], entry.version == version else { return nil }
            return entry.page
        }
    }

    func store(_ page: RecommendationPage, for filter: RecommendationFilter, version: Int) {
        storage.withLock { storage in
            if storage.entries.updateValue(Entry(version: version, page: page), forKey: filter) == nil {
                storage.order.append(filter)
            }
            if storage.order.count > capacity {
                let evicted = storage.order.count - capacity
                for old in storage.order.prefix(evicted) { storage.entries[old] = nil }
                storage.order.removeFirst(evicted)
            }
        }
    }

    /// How many results are held (for tests and diagnostics).
    public var count: Int { storage.withLock { $0.entries.count } }
}
