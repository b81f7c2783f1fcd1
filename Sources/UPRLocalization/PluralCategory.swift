/// The CLDR plural categories the catalogs use: a plural key `k` has the variants `k.one` and `k.other`.
public enum PluralCategory: String, Sendable, CaseIterable, Hashable {
    /// English "1 recommendation".
    case one
    /// Every other count, and every count in Mongolian.
    case other

    /// The category of an integer count in a language: English distinguishes exactly one (CLDR: `i = 1`); Mongolian
    /// nouns do not inflect after numerals, so every count is `other`.
    public static func of(_ count: Int, in language: Language) -> PluralCategory {
        switch language {
        case .en: count.magnitude == 1 ? .one : .other
        case .mn: .other
        }
    }
}
