import NIOCore
import Synchronization

/// Recent search results of this process, each kept with the registry version it was computed at and used only
/// while the database still has that version. A search ranks every match (thousands for a common word), and the
/// same searches recur (the list's default page, a cluster's link, a word of the week); a cached page costs one
/// read of the version instead. Nothing here needs sharing between instances: each checks the shared version.
/// The API's JSON body is kept beside the page, so a repeated API search is not encoded again either.
public final class SearchCache: Sendable {
    private struct Entry {
        var version: Int
        var page: RecommendationPage
        var json: ByteBuffer?
    }
    private struct Storage {
        var entries: [RecommendationFilter: Entry] = [:]
        var order: [RecommendationFilter] = []  // oldest first, for eviction
    }
    private let storage = Mutex(Storage())
    public let capacity: Int

    public init(capacity: Int = 512) { self.capacity = capacity }

    public func page(for filter: RecommendationFilter, version: Int) -> RecommendationPage? {
        storage.withLock { storage in
            guard let entry = storage.entries[filter], entry.version == version else { return nil }
            return entry.page
        }
    }

    /// The page's JSON as the API last sent it, if it was encoded at this version.
    public func json(for filter: RecommendationFilter, version: Int) -> ByteBuffer? {
        storage.withLock { storage in
            guard let entry = storage.entries[filter], entry.version == version else { return nil }
            return entry.json
        }
    }

    /// Keeps a page (and its JSON, when given; a JSON body already kept for the same version stays).
    public func store(
        _ page: RecommendationPage, json: ByteBuffer? = nil, for filter: RecommendationFilter, version: Int
    ) {
        storage.withLock { storage in
            let kept = storage.entries[filter].flatMap { $0.version == version ? $0.json : nil }
            let entry = Entry(version: version, page: page, json: json ?? kept)
            if storage.entries.updateValue(entry, forKey: filter) == nil {
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
