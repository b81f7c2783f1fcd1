/// A JSON value as `JSONArrayStream` hands it over.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number as the file writes it (`31`, `2.5e3`): the reader decides what it must be, and no digit is lost to
    /// a `Double` on the way.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// The members; of a key given twice, the last wins, as in `JSONSerialization`.
    case object([String: JSONValue])

    /// What the value is, for messages: "a string", "an array".
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "true or false"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
