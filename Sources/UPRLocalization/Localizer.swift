import Foundation

/// The message catalogs of every language, merged from `Catalogs/<language>/*.json`, with lookup, fallback,
/// placeholders and plurals.
///
/// Lookup never fails: a key missing in Mongolian falls back to English, and a key missing everywhere comes back as
/// the key itself, so a gap shows on the page instead of breaking it. The tests keep both from happening for the
/// keys the catalogs and the domain define.
public struct Localizer: Sendable {
    /// The catalogs shipped in this module's bundle, loaded once on first use.
    ///
    /// The bundled catalogs are part of the program; if they cannot be read the build is broken, so this stops the
    /// process with the reason (the tests load them on every run, so that never reaches a server).
    public static let shared: Localizer = {
        do {
            return try bundled()
        } catch {
            fatalError("UPRLocalization: cannot load the bundled catalogs: \(error)")
        }
    }()

    private let catalogs: [Language: [String: String]]

    /// A localizer over catalogs already in memory (tests, previews). Languages absent from `catalogs` are empty.
    public init(catalogs: [Language: [String: String]]) {
        var complete: [Language: [String: String]] = [:]
        for language in Language.allCases {
            complete[language] = catalogs[language] ?? [:]
        }
        self.catalogs = complete
    }

    /// Loads `<directory>/<language>/*.json` for every language. Each file is a flat JSON object of strings; the
    /// files of one language are merged, and a key defined in two of them is an error.
    public init(directory: URL) throws(LocalizationError) {
        var catalogs: [Language: [String: String]] = [:]
        for language in Language.allCases {
            catalogs[language] = try Self.loadLanguage(
                language, from: directory.appendingPathComponent(language.rawValue))
        }
        self.init(catalogs: catalogs)
    }

    /// Loads the catalogs shipped in this module's bundle.
    public static func bundled() throws(LocalizationError) -> Localizer {
        guard let directory = bundledDirectory else { throw .catalogsNotFound }
        return try Localizer(directory: directory)
    }

    /// The `Catalogs` directory inside this module's resource bundle.
    static var bundledDirectory: URL? { Bundle.module.url(forResource: "Catalogs", withExtension: nil) }

    // MARK: Lookup

    /// The message for `key` in `language` with `{name}` placeholders filled from `arguments`; falls back to English,
    /// then to the key itself.
    public func string(_ key: String, _ language: Language, _ arguments: [String: String] = [:]) -> String {
        Placeholders.fill(resolve(key, language) ?? key, arguments)
    }

    /// The message for a count: picks `key.one` or `key.other` by the language's plural rule (falling back to
    /// `key.other`), and fills `{count}` with the count formatted for the language unless `arguments` sets it.
    public func plural(
        _ key: String, count: Int, language: Language, _ arguments: [String: String] = [:]
    ) -> String {
        var arguments = arguments
        if arguments["count"] == nil { arguments["count"] = Formatting.number(count, language) }
        let template =
            pluralTemplate(key, count: count, language: language)
            ?? (language == .fallback ? nil : pluralTemplate(key, count: count, language: .fallback))
            ?? "\(key).\(PluralCategory.of(count, in: language).rawValue)"
        return Placeholders.fill(template, arguments)
    }

    /// The message for `key` in `language` or, failing that, in English; nil when neither has it.
    public func resolve(_ key: String, _ language: Language) -> String? {
        value(key, language) ?? (language == .fallback ? nil : value(key, .fallback))
    }

    /// The raw catalog value of `key` in exactly `language`, without fallback or placeholders.
    public func value(_ key: String, _ language: Language) -> String? {
        catalogs[language]?[key]
    }

    /// Every key defined in `language`.
    public func keys(_ language: Language) -> Set<String> {
        catalogs[language].map { Set($0.keys) } ?? []
    }

    private func pluralTemplate(_ key: String, count: Int, language: Language) -> String? {
        value("\(key).\(PluralCategory.of(count, in: language).rawValue)", language)
            ?? value("\(key).\(PluralCategory.other.rawValue)", language)
    }

    // MARK: Loading

    private static func loadLanguage(
        _ language: Language, from directory: URL
    ) throws(LocalizationError) -> [String: String] {
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "json" }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw .missingLanguage(language)
        }
        guard !files.isEmpty else { throw .missingLanguage(language) }

        var merged: [String: String] = [:]
        var origin: [String: String] = [:]
        for file in files {
            let name = "\(language.rawValue)/\(file.lastPathComponent)"
            let entries: [String: String]
            do {
                entries = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: file))
            } catch {
                throw .unreadableFile(path: name, reason: String(describing: error))
            }
            for (key, text) in entries {
                if let first = origin[key] {
                    throw .duplicateKey(key, language: language, files: [first, name])
                }
                origin[key] = name
                merged[key] = text
            }
        }
        return merged
    }
}
