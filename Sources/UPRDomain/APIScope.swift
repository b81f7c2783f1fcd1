/// What an API token may be used for. A scope never adds a right: a write needs its scope *and* the rule of
/// `Authorization` for the token's organisation, so a token can do at most what its organisation's people can.
public enum APIScope: String, Sendable, Codable, CaseIterable, Hashable, Comparable {
    case read
    case measurementsWrite = "measurements:write"
    case assessmentsWrite = "assessments:write"
    case planWrite = "plan:write"
    case translationsWrite = "translations:write"

    /// The catalog key of its description (`apiScope.measurements.write`: a catalog key has no colon).
    public var labelKey: String { "apiScope." + rawValue.replacingOccurrences(of: ":", with: ".") }

    /// The order of `allCases`, so that a token's scopes are listed and stored the same way every time.
    public static func < (lhs: APIScope, rhs: APIScope) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The scopes as stored and shown: their names in the order above, separated by spaces.
    public static func text(_ scopes: Set<APIScope>) -> String {
        scopes.sorted().map(\.rawValue).joined(separator: " ")
    }

    /// Reads stored or typed scope names (spaces or commas between them); nil when one is unknown.
    public static func parse(_ text: String) -> Set<APIScope>? {
        var scopes: Set<APIScope> = []
        for name in text.split(whereSeparator: { $0 == " " || $0 == "," }) {
            guard let scope = APIScope(rawValue: String(name)) else { return nil }
            scopes.insert(scope)
        }
        return scopes
    }
}
