import Testing

@testable import UPRLocalization

@Suite struct LanguageNegotiationTests {
    @Test(
        arguments: [
            // (Accept-Language, cookie, expected)
            (nil, nil, Language.en),
            ("", nil, .en),
            ("mn", nil, .mn),
            ("mn-MN,mn;q=0.9,en;q=0.8", nil, .mn),
            ("en-US,en;q=0.9,mn;q=0.8", nil, .en),
            ("en;q=0.5, mn;q=0.9", nil, .mn),
            ("mn;q=0.5, en;q=0.5", nil, .mn),
            ("en;q=0.5, mn;q=0.5", nil, .en),
            ("fr-FR,fr;q=0.9", nil, .en),
            ("fr-FR,fr;q=0.9,mn;q=0.3", nil, .mn),
            ("ru, *;q=0.1", nil, .en),
            ("*", nil, .en),
            ("mn;q=0, *", nil, .en),
            ("en;q=0, *", nil, .mn),
            ("en;q=0, mn;q=0", nil, .en),
            ("mn-Cyrl-MN", nil, .mn),
            ("khk", nil, .mn),
            ("MN", nil, .mn),
            ("mn_MN", nil, .mn),
            ("  mn  ;  q = 0.7 , en;q=0.6", nil, .mn),
            ("mn-MN;q=0.2, mn;q=0.9, en;q=0.5", nil, .mn),
            ("mn;q=abc, en", nil, .en),
            ("mn;q=2, en;q=0.1", nil, .en),
            ("mn;q=-1", nil, .en),
            ("mn;q=nan", nil, .en),
            (";;;,,,=;q", nil, .en),
            ("mn;level=1;q=0.8", nil, .mn),
            ("en", "mn", .mn),
            ("mn", "en", .en),
            ("mn", " EN ", .en),
            ("en", "xx", .en),
            ("mn", "", .mn),
            (nil, "mn", .mn),
        ] as [(String?, String?, Language)])
    func negotiates(acceptLanguage: String?, cookie: String?, expected: Language) {
        #expect(Language.negotiate(acceptLanguage: acceptLanguage, cookie: cookie) == expected)
    }

    @Test func hostileHeadersDoNotCrashOrHang() {
        let long = String(repeating: "fr;q=0.1,", count: 100_000) + "mn"
        #expect(Language.negotiate(acceptLanguage: long, cookie: nil) == .en)
        let garbage = "\u{0000}\u{FFFD};q=\u{1F600},mn;q=0.\u{0661}"
        #expect(Language.negotiate(acceptLanguage: garbage, cookie: nil) == .en)
        #expect(Language.negotiate(acceptLanguage: String(repeating: ";", count: 10_000), cookie: nil) == .en)
    }

    @Test func tags() {
        #expect(Language(tag: "en-GB") == .en)
        #expect(Language(tag: "mon") == .mn)
        #expect(Language(tag: "mnx") == nil)
        #expect(Language(tag: "") == nil)
        #expect(Language.mn.nativeName == "Монгол хэл")
        #expect(Language.en.nativeName == "English")
        #expect(Language.mn.htmlLang == "mn")
    }
}
