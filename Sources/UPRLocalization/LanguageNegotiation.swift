import Foundation

extension Language {
    /// Most entries of an Accept-Language header that are read; the rest is ignored so that a hostile header costs
    /// little.
    static let maximumAcceptLanguageEntries = 32

    /// Chooses the language of a response.
    ///
    /// An explicit choice (the `cookie` value, or any value the caller got from the user, such as a `?lang=`
    /// parameter) wins when it names a supported language. Otherwise the `Accept-Language` header decides by its
    /// q-values: the supported language with the highest weight wins, ties go to the range listed first, and `*`
    /// gives its weight to every language the header does not name. A language with `q=0` is never chosen. Malformed
    /// entries are skipped; with nothing usable the result is ``fallback``.
    public static func negotiate(acceptLanguage: String?, cookie: String?) -> Language {
        if let cookie, let chosen = Language(tag: cookie) {
            return chosen
        }
        guard let acceptLanguage else { return fallback }
        return AcceptLanguage(parsing: acceptLanguage).preferred ?? fallback
    }
}

/// A parsed `Accept-Language` header (RFC 9110 section 12.5.4), reduced to what negotiation needs.
struct AcceptLanguage {
    /// Weight and position in the header of each supported language the header names.
    private(set) var named: [Language: (quality: Double, position: Int)] = [:]
    /// Weight and position of the `*` range, when present.
    private(set) var wildcard: (quality: Double, position: Int)?

    init(parsing header: String) {
        let entries = header.split(separator: ",", omittingEmptySubsequences: true)
        for (position, entry) in entries.prefix(Language.maximumAcceptLanguageEntries).enumerated() {
            let fields = entry.split(separator: ";", omittingEmptySubsequences: false)
            let range = fields.first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard !range.isEmpty, let quality = Self.quality(fields.dropFirst()) else { continue }
            if range == "*" {
                if wildcard == nil { wildcard = (quality, position) }
            } else if let language = Language(tag: range) {
                // Several ranges can name one language (`mn-MN, mn;q=0.9`): the best weight counts.
                if let previous = named[language], previous.quality >= quality { continue }
                named[language] = (quality, position)
            }
        }
    }

    /// The supported language the header prefers, or nil when it accepts none of them.
    var preferred: Language? {
        var best: (language: Language, quality: Double, position: Int)?
        for language in Language.allCases {
            guard let weight = named[language] ?? wildcard, weight.quality > 0 else { continue }
            if let current = best,
                current.quality > weight.quality
                    || (current.quality == weight.quality && current.position <= weight.position)
            {
                continue
            }
            best = (language, weight.quality, weight.position)
        }
        return best?.language
    }

    /// The `q` parameter among an entry's parameters: 1 when absent, nil when malformed or out of range.
    private static func quality(_ parameters: ArraySlice<Substring>) -> Double? {
        var quality = 1.0
        for parameter in parameters {
            let parts = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "q" else {
                continue
            }
            guard let value = Double(parts[1].trimmingCharacters(in: .whitespaces)), value.isFinite,
                (0...1).contains(value)
            else { return nil }
            quality = value
        }
        return quality
    }
}
