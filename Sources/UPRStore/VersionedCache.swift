import Synchronization

/// Values this process computed from the database, each kept with the registry version it was computed at and used
/// only while the database still has that version (see `RegistryVersion`): correct with several server instances,
/// since each checks the shared version. For pages that aggregate much and change seldom, like the dashboards.
public final class VersionedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Storage {
        var entries: [Key: (version: Int, value: Value)] = [:]
        var order: [Key] = []  // oldest first, for eviction
    }
    private let storage = Mutex(Storage())
    public let capacity: Int

    public init(capacity: Int) { self.capacity = capacity }

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

    public var count: Int { storage.withLock { $0.entries.count } }
}
