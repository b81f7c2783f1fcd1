/// What a working group decided about a suggested recommendation of another mechanism.
public enum MechanismDecision: String, Sendable, Codable, CaseIterable {
    /// Named in the entry's "international" column.
    case accepted
    /// Not the same recommendation after all: no longer suggested.
    case dismissed
}
