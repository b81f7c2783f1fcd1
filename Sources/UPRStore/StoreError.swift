/// Failures of the storage layer that are not the user's input.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case notSQL
    case missingRow(String)
    /// Someone saved the record since it was read: the caller's version is behind.
    case staleVersion(entity: String, id: Int, expected: Int)
    /// A value breaks a rule of the data (a duplicate name, a missing reference); `field` names the form field.
    case invalid(field: String, messageKey: String)
    /// A stored code (a response, a mechanism) that this version does not know: the database was written by
    /// something else.
    case unknownCode(column: String, value: String)

    public var description: String {
        switch self {
        case .notSQL: "The database driver does not support SQL."
        case .missingRow(let what): "Expected row not found: \(what)."
        case .staleVersion(let entity, let id, let expected):
            "\(entity) \(id) was changed by someone else since version \(expected) was read."
        case .invalid(let field, let key): "Invalid \(field): \(key)"
        case .unknownCode(let column, let value): "Unknown value \(value) stored in \(column)."
        }
    }
}
