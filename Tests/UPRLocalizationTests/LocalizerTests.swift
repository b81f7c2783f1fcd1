import Foundation
import Testing

@testable import UPRLocalization

@Suite struct LocalizerTests {
    let localizer = Localizer(catalogs: [
        .en: [
            "greeting": "Hello, {name}!",
            "only.en": "English only",
            "recs.count.one": "{count} recommendation",
            "recs.count.other": "{count} recommendations",
            "only.other.other": "{count} items",
        ],
        .mn: [
            "greeting": "Сайн байна уу, {name}!",
            "recs.count.one": "{count} зөвлөмж (нэг)",
            "recs.count.other": "{count} зөвлөмж",
        ],
    ])

    @Test func looksUpAndFillsPlaceholders() {
        #expect(localizer.string("greeting", .en, ["name": "Bat"]) == "Hello, Bat!")
        #expect(localizer.string("greeting", .mn, ["name": "Бат"]) == "Сайн байна уу, Бат!")
    }

    @Test func missingPlaceholderArgumentStaysVisible() {
        #expect(localizer.string("greeting", .en) == "Hello, {name}!")
        #expect(localizer.string("greeting", .en, ["other": "x"]) == "Hello, {name}!")
    }

    @Test func fallsBackToEnglishThenToTheKey() {
        #expect(localizer.string("only.en", .mn) == "English only")
        #expect(localizer.resolve("only.en", .mn) == "English only")
        #expect(localizer.value("only.en", .mn) == nil)
        #expect(localizer.string("no.such.key", .mn) == "no.such.key")
        #expect(localizer.string("no.such.key", .en) == "no.such.key")
        #expect(localizer.resolve("no.such.key", .en) == nil)
    }

    @Test(arguments: [
        (0, "0 recommendations"), (1, "1 recommendation"), (2, "2 recommendations"), (-1, "-1 recommendation"),
        (21, "21 recommendations"), (1_000, "1,000 recommendations"),
    ])
    func englishPlural(count: Int, expected: String) {
        #expect(localizer.plural("recs.count", count: count, language: .en) == expected)
    }

    @Test(arguments: [0, 1, 2, 5, 1_000])
    func mongolianAlwaysUsesOther(count: Int) {
        let expected = Formatting.number(count, .mn) + " зөвлөмж"
        #expect(localizer.plural("recs.count", count: count, language: .mn) == expected)
        #expect(PluralCategory.of(count, in: .mn) == .other)
    }

    @Test func pluralFallbacks() {
        // No `.one`: `.other` serves every count.
        #expect(localizer.plural("only.other", count: 1, language: .en) == "1 items")
        // Missing in mn: English with the English rule.
        #expect(localizer.plural("only.other", count: 3, language: .mn) == "3 items")
        // Missing everywhere: the key of the variant that was wanted.
        #expect(localizer.plural("nothing", count: 1, language: .en) == "nothing.one")
        // An explicit count argument wins over the formatted number.
        #expect(localizer.plural("recs.count", count: 2, language: .en, ["count": "two"]) == "two recommendations")
    }

    @Test func placeholderParsing() {
        #expect(Placeholders.names(in: "{a} and {b_c} and {d-e}") == ["a", "b_c", "d-e"])
        #expect(Placeholders.names(in: "{} { x } {open") == [])
        #expect(Placeholders.fill("{{n}}", ["n": "1"]) == "{1}")
        #expect(Placeholders.fill("{n}{n}", ["n": "{n}"]) == "{n}{n}")
        #expect(Placeholders.fill("no braces", ["n": "1"]) == "no braces")
        #expect(Placeholders.fill("тест {n} ё", ["n": "1"]) == "тест 1 ё")
    }

    @Test func loadsAndMergesADirectory() throws {
        let directory = try Self.temporaryCatalogs([
            "en/a.json": #"{"one": "One", "two": "Two"}"#,
            "en/b.json": #"{"three": "Three"}"#,
            "mn/a.json": #"{"one": "Нэг"}"#,
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let loaded = try Localizer(directory: directory)
        #expect(loaded.keys(.en) == ["one", "two", "three"])
        #expect(loaded.string("three", .mn) == "Three")
        #expect(loaded.string("one", .mn) == "Нэг")
    }

    @Test func rejectsBrokenCatalogs() throws {
        let duplicate = try Self.temporaryCatalogs([
            "en/a.json": #"{"k": "A"}"#, "en/b.json": #"{"k": "B"}"#, "mn/a.json": #"{"k": "Б"}"#,
        ])
        defer { try? FileManager.default.removeItem(at: duplicate) }
        #expect(throws: LocalizationError.duplicateKey("k", language: .en, files: ["en/a.json", "en/b.json"])) {
            try Localizer(directory: duplicate)
        }

        let nested = try Self.temporaryCatalogs(["en/a.json": #"{"k": {"x": "y"}}"#, "mn/a.json": "{}"])
        defer { try? FileManager.default.removeItem(at: nested) }
        #expect {
            try Localizer(directory: nested)
        } throws: { error in
            guard case .unreadableFile(let path, _) = error as? LocalizationError else { return false }
            return path == "en/a.json"
        }

        let missing = try Self.temporaryCatalogs(["en/a.json": #"{"k": "A"}"#])
        defer { try? FileManager.default.removeItem(at: missing) }
        #expect(throws: LocalizationError.missingLanguage(.mn)) { try Localizer(directory: missing) }
    }

    @Test func bundledCatalogsLoad() throws {
        let bundled = try Localizer.bundled()
        #expect(bundled.string("nav.home", .en) == "Home")
        #expect(bundled.string("nav.home", .mn) == "Нүүр")
        #expect(Localizer.shared.keys(.en) == bundled.keys(.en))
        #expect(bundled.plural("home.total", count: 1, language: .en) == "1 recommendation")
        #expect(bundled.plural("home.total", count: 29_304, language: .en) == "29,304 recommendations")
        #expect(bundled.plural("home.total", count: 1, language: .mn) == "1 зөвлөмж")
        #expect(bundled.plural("home.total", count: 29_304, language: .mn) == "29\u{00A0}304 зөвлөмж")
    }

    static func temporaryCatalogs(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("l10n-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }
}
