import Foundation

/// A language the interface is available in. Every catalog key exists in each of them.
public enum Language: String, Sendable, CaseIterable, Hashable {
    /// English, the fallback for keys a catalog lacks.
    case en
    /// Mongolian in Cyrillic script.
    case mn

    /// The language used when nothing else decides: no cookie, no usable Accept-Language header.
    public static let fallback: Language = .en

    /// The language's name in itself, for the language switcher.
    public var nativeName: String {
        switch self {
        case .en: "English"
        case .mn: "Монгол хэл"
        }
    }

    /// The value for `<html lang="…">` and `hreflang`.
    public var htmlLang: String { rawValue }

    /// Reads a BCP 47 tag or a bare code by its primary subtag: `en`, `en-GB`, `mn`, `mn-Cyrl-MN`, `mn_MN`, and
    /// the ISO 639-2/3 codes `eng`, `mon` and `khk` (Halh Mongolian). Returns nil for any other language.
    public init?(tag: String) {
        let trimmed = tag.trimmingCharacters(in: .whitespacesAndNewlines)
        let primary = trimmed.prefix { $0 != "-" && $0 != "_" }.lowercased()
        switch primary {
        case "en", "eng": self = .en
        case "mn", "mon", "khk": self = .mn
        default: return nil
        }
    }
}
