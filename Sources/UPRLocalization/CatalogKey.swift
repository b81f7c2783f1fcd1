import Foundation
import UPRDomain

/// The catalog keys of domain labels, in one place so that the typed helpers on ``Translator`` and the tests that
/// check every domain value has a translation build the same keys.
public enum CatalogKey {
    /// A key fragment for a free-text name, the domain's `Slug.make`: lowercased, every run of characters other
    /// than letters and digits turned into one `-`. `"Women's rights"` → `women-s-rights`, `"HIV - Aids"` → `hiv-aids`.
    public static func slug(_ name: String) -> String { Slug.make(name) }

    /// `taxonomy.<raw value>`, the name of a taxonomy (same as `Taxonomy.labelKey`).
    public static func taxonomy(_ taxonomy: Taxonomy) -> String { taxonomy.labelKey }

    /// `cluster.<raw value>`, e.g. `cluster.women` (same as `Cluster.labelKey`).
    public static func cluster(_ cluster: Cluster) -> String { cluster.labelKey }

    /// `subtheme.<cluster>.<slug>`, e.g. `subtheme.esc-rights.mining`.
    public static func subTheme(_ cluster: Cluster, _ name: String) -> String {
        "subtheme.\(cluster.rawValue).\(slug(name))"
    }

    /// `issue.<slug>`, e.g. `issue.women-s-rights`.
    public static func issue(_ name: String) -> String { "issue.\(slug(name))" }

    /// `sdg.<goal>`, e.g. `sdg.16`.
    public static func sdg(_ goal: Int) -> String { "sdg.\(goal)" }

    /// `action.<n>`, the category's short name (same as `ActionCategory.labelKey`).
    public static func action(_ category: ActionCategory) -> String { category.labelKey }

    /// `action.<n>.description`, one sentence on what the category covers.
    public static func actionDescription(_ category: ActionCategory) -> String { "\(category.labelKey).description" }

    /// `response.<raw value>`, e.g. `response.noted`.
    public static func response(_ response: Response) -> String { "response.\(response.rawValue)" }

    /// `mechanism.<raw value>`, the full name, e.g. `mechanism.crc`.
    public static func mechanism(_ mechanism: Mechanism) -> String { "mechanism.\(mechanism.rawValue)" }

    /// `affected.<slug>`, e.g. `affected.persons-with-disabilities`.
    public static func affectedPersons(_ name: String) -> String { "affected.\(slug(name))" }

    /// `kind.<raw value>`, e.g. `kind.voluntary-pledge`.
    public static func kind(_ kind: RecordKind) -> String { "kind.\(kind.rawValue)" }

    /// `theme.group.<letter>` for an OHCHR theme group or a theme code (`D29` → `theme.group.D`).
    public static func themeGroup(_ code: String) -> String {
        "theme.group.\(code.trimmingCharacters(in: .whitespaces).prefix(1).uppercased())"
    }

    /// `region.<code>` for a UN regional group code as UPR Info writes it (`Africa`, `Asia`, `EEG`, `GRULAC`,
    /// `WEOG`).
    public static func region(_ code: String) -> String { "region.\(code.trimmingCharacters(in: .whitespaces))" }

    /// The template key of a cycle's name, `cycle.n` ("Cycle {n}").
    public static let cycle = "cycle.n"

    /// The OHCHR theme groups the catalogs name (the letters of the Universal Human Rights Index; there is no C).
    public static let themeGroups = ["A", "B", "D", "E", "F", "G", "H"]

    /// The UN regional group codes the catalogs name, plus `Observer` (observer states in the `From-Rgrp` column).
    public static let regions = ["Africa", "Asia", "EEG", "GRULAC", "WEOG", "Observer"]
}
