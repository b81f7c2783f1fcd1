import UPRStore
import Vapor

private struct SimilarityCacheKey: StorageKey { typealias Value = SimilarityCache }

extension Application {
    /// The similarity index of this process, shared by every request; `SiteApplication.configure` sets it.
    var similarityCache: SimilarityCache {
        // An application built some other way still works, only without keeping its index between requests.
        get { storage[SimilarityCacheKey.self] ?? SimilarityCache() }
        set { storage[SimilarityCacheKey.self] = newValue }
    }
}
