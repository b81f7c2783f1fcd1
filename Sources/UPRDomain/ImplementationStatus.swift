/// How far a stakeholder judges a recommendation implemented in one assessment round (the seed's annual
/// assessment). `noData` is an answer of its own: "we cannot tell" is different from "not started".
public enum ImplementationStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case notStarted = "not-started"
    case partial
    case full
    case noData = "no-data"

    public var labelKey: String { "implementation.\(rawValue)" }

    /// Ordered by progress, for sorting and for saying whether a later round moved forward or back.
    public var rank: Int {
        switch self {
        case .noData: 0
        case .notStarted: 1
        case .partial: 2
        case .full: 3
        }
    }
}
