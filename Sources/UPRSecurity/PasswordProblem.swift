/// Something wrong with a chosen password, with a stable message key for the localization layer.
public enum PasswordProblem: Sendable, Hashable {
    /// Fewer characters than the minimum.
    case tooShort(min: Int)
    /// More characters than the maximum.
    case tooLong(max: Int)
    /// One of the most common passwords, perhaps with digits or symbols added or letters swapped for look-alikes.
    case commonPassword
    /// Contains the person's email address, the name part of it, or their name.
    case containsEmailOrName
    /// One character or a short group repeated ("aaaaaaaaaa", "abcabcabca"), or a run ("1234567890", "abcdefghij").
    case repetitiveOrSequential

    /// The message key, `password.` and the case name; stable, as catalogs depend on it.
    public var key: String {
        switch self {
        case .tooShort: "password.tooShort"
        case .tooLong: "password.tooLong"
        case .commonPassword: "password.commonPassword"
        case .containsEmailOrName: "password.containsEmailOrName"
        case .repetitiveOrSequential: "password.repetitiveOrSequential"
        }
    }

    /// The message's placeholders: `{min}` for `tooShort`, `{max}` for `tooLong`, none for the others.
    public var arguments: [String: String] {
        switch self {
        case .tooShort(let min): ["min": String(min)]
        case .tooLong(let max): ["max": String(max)]
        case .commonPassword, .containsEmailOrName, .repetitiveOrSequential: [:]
        }
    }
}
