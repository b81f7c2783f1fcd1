/// The taxonomies a recommendation can be classified by.
public enum Taxonomy: String, Sendable, Codable, CaseIterable, Hashable {
    case cluster
    case subTheme = "sub-theme"
    case issue
    case theme
    case affectedPersons = "affected-persons"
    case sdg
    case sdgTarget = "sdg-target"

    /// Localization key of the taxonomy's name.
    public var labelKey: String { "taxonomy.\(rawValue)" }
}
