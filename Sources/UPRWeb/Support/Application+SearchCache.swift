import UPRStore
import Vapor

extension Application {
    private struct SearchCacheKey: StorageKey {
        typealias Value = SearchCache
    }

    /// This process's cache of search results, or nil when it is turned off.
    public var searchCache: SearchCache? {
        get { storage[SearchCacheKey.self] }
        set { storage[SearchCacheKey.self] = newValue }
    }
}
