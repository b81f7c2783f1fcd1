import Foundation

/// UPR Info's action category: the first verb of a recommendation decides how much it asks of the state.
public enum ActionCategory: Int, Sendable, Codable, CaseIterable, Hashable, Comparable {
    /// Directed at other states, or asks to seek assistance or share information.
    case minimal = 1
    /// Continue, maintain, pursue.
    case continuing = 2
    /// Consider, examine, review.
    case considering = 3
    /// Ensure, promote, strengthen, take measures.
    case general = 4
    /// Adopt, ratify, establish, investigate.
    case specific = 5

    public init?(parsing raw: String) {
        guard let value = Int(raw.trimmingCharacters(in: .whitespaces)) else { return nil }
        self.init(rawValue: value)
    }

    public static func < (lhs: ActionCategory, rhs: ActionCategory) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The localization key of the category's short name.
    public var labelKey: String { "action.\(rawValue)" }
}
