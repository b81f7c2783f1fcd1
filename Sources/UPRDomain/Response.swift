import Foundation

/// The state under review's position on a recommendation.
///
/// UPR Info exports say "Accepted"; OHCHR and the Working Group reports say "Supported". Both mean the same formal
/// category. "Partially supported" and the like are not formal categories and are not accepted by `init(parsing:)`.
public enum Response: String, Sendable, Codable, CaseIterable, Hashable {
    case supported
    case noted
    case pending

    /// Reads the spellings found in UPR Info exports, OHCHR thematic lists and Working Group reports.
    public init?(parsing raw: String) {
        switch raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
        case "supported", "accepted", "support", "accept", "acepted": self = .supported
        case "noted", "note", "not supported", "rejected", "not accepted": self = .noted
        case "pending", "to be examined", "", "no response", "-": self = .pending
        default: return nil
        }
    }
}
