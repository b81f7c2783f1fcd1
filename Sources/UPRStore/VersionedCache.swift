import SQLKit
import Synchronization

/// Values this process computed from the database, each kept with the version of the concerns it was computed from
/// and used only while the database still has that version (see `RegistryVersion`): correct with several server
/// instances, since each checks the shared versions. For pages that aggregate much and change seldom, like the
/// dashboards.
public final class VersionedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Storage {
        var entries: [Key: (version: Int, value: Value)] = [:]
        var order: [Key] = []  // oldest first, for eviction
    }
    private let storage = Mutex(Storage())
    public let capacity: Int
    /// What the values are computed from: a write to anything else leaves them valid.
    public let concerns: Set<ContentConcern>

    public init(capacity: Int, concerns: Set<ContentConcern>) {
        self.capacity = capacity
        self.concerns = concerns
    }

    public func value(for key: Key, version: Int) -> Value? {
        storage.withLock { storage in
            guard let entry = storage.entries[key], entry.version == version else { return nil }
            return entry.value
        }
    }

    public func store(_ value: Value, for key: Key, version: Int) {
        storage.withLock { storage in
            if storage.entries.updateValue((version, value), forKey: key) == nil { storage.order.append(key) }
            if storage.order.count > capacity {
                let evicted = storage.order.count - capacity
                for old in storage.order.prefix(evicted) { storage.entries[old] = nil }
                storage.order.removeFirst(evicted)
            }
        }
    }

    /// The value for `key` at the database's current version of `concerns`: the kept one, or `compute()`'s, then
    /// kept. The version is read before computing, so a change committed meanwhile makes the next reader compute
    /// again.
    public func value(for key: Key, on sql: any SQLDatabase, compute: () async throws -> Value) async throws
        -> Value
    {
        let version = try await RegistryVersion.current(concerns, on: sql)
        if let kept = value(for: key, version: version) { return kept }
        let value = try await compute()
        store(value, for: key, version: version)
        return value
    }

    public var count: Int { storage.withLock { $0.entries.count } }
}
