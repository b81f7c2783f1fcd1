/// Why the catalogs could not be loaded. Each case names the file or key so that the fix is obvious.
public enum LocalizationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `Catalogs` directory is missing from the bundle.
    case catalogsNotFound
    /// A language has no directory, or its directory has no `.json` file.
    case missingLanguage(Language)
    /// A catalog file is not a flat JSON object of strings.
    case unreadableFile(path: String, reason: String)
    /// Two files of one language define the same key.
    case duplicateKey(String, language: Language, files: [String])

    /// A one-line explanation for logs and test failures.
    public var description: String {
        switch self {
        case .catalogsNotFound:
            "the Catalogs directory is not in the UPRLocalization bundle"
        case .missingLanguage(let language):
            "no catalog files for language '\(language.rawValue)' (expected Catalogs/\(language.rawValue)/*.json)"
        case .unreadableFile(let path, let reason):
            "catalog \(path) is not a flat JSON object of strings: \(reason)"
        case .duplicateKey(let key, let language, let files):
            "key '\(key)' is defined twice in language '\(language.rawValue)': \(files.joined(separator: ", "))"
        }
    }
}
