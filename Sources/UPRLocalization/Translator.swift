import Foundation

/// Everything a page needs to speak one language: messages, plurals, numbers and dates. A small value to carry in
/// view models; `t("nav.home")` reads like a lookup.
public struct Translator: Sendable {
    /// The language this translator speaks.
    public let language: Language
    /// The catalogs it reads.
    public let localizer: Localizer

    /// A translator for `language` over `localizer` (the bundled catalogs by default).
    public init(_ language: Language, localizer: Localizer = .shared) {
        self.language = language
        self.localizer = localizer
    }

    /// The message for `key` with `{name}` placeholders filled; falls back to English, then to the key.
    public func callAsFunction(_ key: String, _ arguments: [String: String] = [:]) -> String {
        localizer.string(key, language, arguments)
    }

    /// The message for a count from `key.one` / `key.other`, with `{count}` formatted for the language.
    public func plural(_ key: String, count: Int, _ arguments: [String: String] = [:]) -> String {
        localizer.plural(key, count: count, language: language, arguments)
    }

    /// An integer with thousands separators (en `29,304`, mn `29 304` with a no-break space).
    public func number(_ value: Int) -> String { Formatting.number(value, language) }

    /// A decimal number rounded to `fractionDigits` places, grouped like ``number(_:)``.
    public func decimal(_ value: Double, fractionDigits: Int = 1) -> String {
        Formatting.decimal(value, language, fractionDigits: fractionDigits)
    }

    /// A share as a percentage: `percent(0.19)` is `19%`.
    public func percent(_ fraction: Double, fractionDigits: Int = 0) -> String {
        Formatting.percent(fraction, language, fractionDigits: fractionDigits)
    }

    /// A calendar date in UTC unless told otherwise: en `2 November 2010`, mn `2010 оны 11 сарын 2`.
    public func date(_ date: Date, timeZone: TimeZone = .gmt) -> String {
        Formatting.date(date, language, timeZone: timeZone)
    }

    /// A month and year: en `November 2010`, mn `2010 оны 11 сар`.
    public func monthYear(_ date: Date, timeZone: TimeZone = .gmt) -> String {
        Formatting.monthYear(date, language, timeZone: timeZone)
    }

    /// The catalog value of `key`, else `fallback` (for free-text names that may not be in the catalogs).
    func label(_ key: String, orElse fallback: String) -> String {
        localizer.resolve(key, language) ?? fallback
    }
}
