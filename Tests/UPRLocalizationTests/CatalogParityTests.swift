import Foundation
import Testing

@testable import UPRLocalization

/// The shipped catalogs: both languages complete, consistent and well-formed.
@Suite struct CatalogParityTests {
    let localizer: Localizer

    init() throws {
        localizer = try Localizer.bundled()
    }

    /// Every mn value that may stay identical to its en value (proper names, acronyms). Any other identical pair is
    /// an English string copied into the Mongolian catalog and not translated yet.
    static let untranslatedAllowed: Set<String> = ["nav.api"]

    @Test func bothLanguagesHaveTheSameKeys() {
        let en = localizer.keys(.en)
        let mn = localizer.keys(.mn)
        #expect(en.count > 200)
        #expect(en.subtracting(mn).sorted() == [], "keys missing from mn")
        #expect(mn.subtracting(en).sorted() == [], "keys missing from en")
    }

    @Test(arguments: Language.allCases) func noValueIsEmptyOrPadded(language: Language) {
        for key in localizer.keys(language).sorted() {
            let value = localizer.value(key, language) ?? ""
            #expect(!value.isEmpty, "\(language.rawValue): \(key) is empty")
            #expect(value == value.trimmingCharacters(in: .whitespacesAndNewlines), "\(language.rawValue): \(key)")
        }
    }

    @Test func placeholdersMatchAcrossLanguages() {
        for key in localizer.keys(.en).sorted() {
            let en = Placeholders.names(in: localizer.value(key, .en) ?? "")
            let mn = Placeholders.names(in: localizer.value(key, .mn) ?? "")
            #expect(en == mn, "\(key): en uses \(en.sorted()), mn uses \(mn.sorted())")
        }
    }

    @Test func mongolianValuesAreTranslated() {
        for key in localizer.keys(.mn).sorted() where !Self.untranslatedAllowed.contains(key) {
            let mn = localizer.value(key, .mn) ?? ""
            #expect(mn != localizer.value(key, .en), "\(key) is still English in mn")
            #expect(
                mn.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }, "\(key) has no Cyrillic: \(mn)")
        }
    }

    @Test func keysAreDottedIdentifiers() throws {
        let pattern = try Regex("^[a-z][a-zA-Z]*(\\.[A-Za-z0-9][A-Za-z0-9-]*)+$")
        for key in localizer.keys(.en).sorted() {
            #expect(key.wholeMatch(of: pattern) != nil, "malformed key \(key)")
        }
    }

    @Test(arguments: Language.allCases) func pluralKeysComeInPairs(language: Language) {
        let keys = localizer.keys(language)
        for key in keys where key.hasSuffix(".one") {
            let stem = key.dropLast(".one".count)
            #expect(keys.contains(stem + ".other"), "\(language.rawValue): \(key) has no .other")
            #expect(!keys.contains(String(stem)), "\(language.rawValue): \(stem) is both plain and plural")
        }
    }

    /// JSON decoding keeps one of two equal keys silently, so duplicates inside one file are found on the raw text.
    @Test func noFileRepeatsAKey() throws {
        let root = try #require(Localizer.bundledDirectory)
        for language in Language.allCases {
            let directory = root.appendingPathComponent(language.rawValue)
            let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "json" }
            #expect(!files.isEmpty)
            for file in files {
                let keys = Self.objectKeys(try String(contentsOf: file, encoding: .utf8))
                let repeated = Dictionary(grouping: keys, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
                #expect(repeated == [], "\(language.rawValue)/\(file.lastPathComponent) repeats \(repeated)")
            }
        }
    }

    @Test func bothLanguagesHaveTheSameFiles() throws {
        let root = try #require(Localizer.bundledDirectory)
        func names(_ language: Language) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(language.rawValue).path)
                .filter { $0.hasSuffix(".json") }.sorted()
        }
        #expect(try names(.en) == names(.mn))
        #expect(try names(.en).contains("taxonomy.json"))
        #expect(try names(.en).contains("ui.json"))
    }

    /// The keys of a flat JSON object of strings, in file order: every other string literal, starting with the first.
    static func objectKeys(_ json: String) -> [String] {
        var strings: [String] = []
        var current = ""
        var inString = false
        var escaped = false
        for character in json {
            if inString {
                if escaped {
                    escaped = false
                    current.append(character)
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inString = false
                    strings.append(current)
                } else {
                    current.append(character)
                }
            } else if character == "\"" {
                inString = true
                current = ""
            }
        }
        return strings.enumerated().filter { $0.offset.isMultiple(of: 2) }.map(\.element)
    }
}
