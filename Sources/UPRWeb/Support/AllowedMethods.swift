import Vapor

/// Which methods each registered path answers, made once from the routes after they are registered. A request whose
/// path is known but whose method is not gets 405 Method Not Allowed with an `Allow` header (RFC 9110, 15.5.6)
/// instead of a 404 that would say the address does not exist.
struct AllowedMethods: Sendable {
    private let routes: [(path: [PathComponent], method: HTTPMethod)]

    init(_ routes: Routes) {
        self.routes = routes.all.map { ($0.path, $0.method) }
    }

    /// The methods registered for `path` (split on `/`), in a stable order; empty for an unknown path.
    func methods(for path: String) -> [HTTPMethod] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var found: [HTTPMethod] = []
        for route in routes where Self.matches(route.path, segments) && !found.contains(route.method) {
            found.append(route.method)
        }
        return found.sorted { $0.rawValue < $1.rawValue }
    }

    private static func matches(_ pattern: [PathComponent], _ segments: [String]) -> Bool {
        var index = 0
        for component in pattern {
            switch component {
            case .catchall: return index < segments.count
            case .anything, .parameter:
                guard index < segments.count else { return false }
            case .constant(let constant):
                guard index < segments.count, segments[index] == constant else { return false }
            }
            index += 1
        }
        return index == segments.count
    }
}

extension Application {
    private struct AllowedMethodsKey: StorageKey { typealias Value = AllowedMethods }

    /// Set once the routes are registered.
    var allowedMethods: AllowedMethods? {
        get { storage[AllowedMethodsKey.self] }
        set { storage[AllowedMethodsKey.self] = newValue }
    }
}
