/// Failures of the storage layer that are not the user's input.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case notSQL
    case missingRow(String)

    public var description: String {
        switch self {
        case .notSQL: "The database driver does not support SQL."
        case .missingRow(let what): "Expected row not found: \(what)."
        }
    }
}
