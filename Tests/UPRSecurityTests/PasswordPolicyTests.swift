import Testing
import UPRSecurity

@Suite struct PasswordPolicyTests {
    static let policy = PasswordPolicy()

    static func problems(_ password: String, email: String? = nil, name: String? = nil) -> [PasswordProblem] {
        policy.problems(password, email: email, name: name)
    }

    @Test(arguments: [
        "correct horse battery staple",
        "Tsagaan sar 2025 in Arkhangai",
        "blue-kettle-on-the-stove",
        "Монгол хэлээр бичсэн нууц үг",
        "Хүний эрхийн 2025",
        "9Jx!qT4#mZ",
        "           a",
        "🐎🐎🐎 steppe ride",
    ])
    func acceptsOrdinaryGoodPasswords(password: String) {
        #expect(Self.problems(password, email: "focal.point@mfa.gov.mn", name: "Bat-Erdene Dorj") == [])
        #expect(Self.policy.accepts(password, email: nil, name: nil))
    }

    // MARK: - Length

    @Test func tenCharactersIsEnoughNineIsNot() {
        #expect(Self.problems("kx7#pq2!wz") == [])
        #expect(Self.problems("kx7#pq2!w") == [.tooShort(min: 10)])
        #expect(Self.problems("") == [.tooShort(min: 10)])
    }

    @Test func twoHundredCharactersIsTheMost() {
        let longest = String(repeating: "kx7#pq2!wz", count: 20)
        #expect(Self.problems(longest).contains(.tooLong(max: 200)) == false)
        let tooLong = "a" + longest
        #expect(Self.problems(tooLong) == [.tooLong(max: 200)])
    }

    @Test func countsCodePointsAfterNFC() {
        // Ten letters each written as a base letter plus a combining acute: ten characters, not twenty.
        let decomposed = String(repeating: "e\u{0301}", count: 5) + String(repeating: "o\u{0301}", count: 5)
        #expect(Self.problems(decomposed + "xyzq").contains(.tooShort(min: 10)) == false)
        #expect(Self.problems(String(repeating: "e\u{0301}", count: 4) + "ko\u{0301}x").contains(.tooShort(min: 10)))
        // Cyrillic letters are one character each.
        #expect(Self.problems("хүний эрх") == [.tooShort(min: 10)])
        #expect(Self.problems("хүний эрхү") == [])
    }

    @Test func customLimits() {
        let policy = PasswordPolicy(minLength: 15, maxLength: 64)
        #expect(policy.problems("kx7#pq2!wzkx7#", email: nil, name: nil) == [.tooShort(min: 15)])
        #expect(
            policy.problems(String(repeating: "kx7#pq2!", count: 8) + "a", email: nil, name: nil) == [
                .tooLong(max: 64)
            ])
    }

    // MARK: - Common passwords

    @Test(arguments: [
        "password", "Password", "PASSWORD", "123456", "1234567890", "qwertyuiop", "iloveyou", "qwerty123",
        "1q2w3e4r5t", "password123", "Password2024!", "p@ssw0rd", "P@ssw0rd123!", "pa$$word1234", "P a s s w o r d 1 2",
        "pass-word-2024", "Summer2025!!", "letmein12345", "!!dragon1234", "iloveyou 2024", "Welcome123!",
        "monkey12345", "1234567890a", "football99!!", "admin123456", "trustno1!!!", "Mongolia2024", "UPRTracker1!",
        "123123123123",
    ])
    func refusesCommonPasswordsAndTheirUsualVariants(password: String) {
        #expect(Self.problems(password).contains(.commonPassword))
    }

    @Test(arguments: [
        "passport office 12",  // contains a common word, but is not one with decoration
        "dragonfly meadows",
        "sunshine and rain in June",
        "my summer in Khovd",
        "monkeybusiness99",
    ])
    func acceptsPassphrasesThatMerelyContainACommonWord(password: String) {
        #expect(!Self.problems(password).contains(.commonPassword))
    }

    @Test func shortCommonPasswordsReportBothProblems() {
        #expect(Self.problems("qwerty") == [.tooShort(min: 10), .commonPassword])
        #expect(Self.problems("123456") == [.tooShort(min: 10), .commonPassword, .repetitiveOrSequential])
    }

    // MARK: - Email and name

    @Test(arguments: [
        ("gantulga.bat@mfa.gov.mn", "My gantulga.bat@mfa.gov.mn key"),
        ("gantulga.bat@mfa.gov.mn", "Gantulga-is-here-77"),
        ("gantulga.bat@mfa.gov.mn", "xx gantulgabat xx"),
        ("oyuna@example.org", "oyuna oyuna oyuna!"),
        ("oyuna@example.org", "OYUNA sings 1999"),
    ])
    func refusesTheEmailOrItsParts(email: String, password: String) {
        #expect(Self.problems(password, email: email).contains(.containsEmailOrName))
    }

    @Test(arguments: [
        ("Bat-Erdene Dorj", "erdene forever 88"),
        ("Bat-Erdene Dorj", "BatErdene1990!!"),
        ("Bat-Erdene Dorj", "bat erdene 1990"),
        ("Sarah O'Neill", "oneill rocks 2024"),
        ("Батбаяр Болд", "БАТБАЯР 1985 он"),
        ("Батбаяр Болд", "батбаярболд"),
    ])
    func refusesTheName(name: String, password: String) {
        #expect(Self.problems(password, name: name).contains(.containsEmailOrName))
    }

    @Test func shortNamePiecesAreNotLookedFor() {
        // "Bat" and "Li" are too short to rule out every password that happens to contain those letters.
        #expect(Self.problems("acrobatic tumbling", email: "bat@x.mn", name: "Li Bat") == [])
        #expect(Self.problems("battle of the lilies", email: "li@x.mn", name: "Bat Li") == [])
    }

    @Test func theEmailDomainIsNotLookedFor() {
        #expect(Self.problems("example garden party", email: "oyuna@example.org", name: nil) == [])
    }

    @Test func emptyEmailAndNameAreIgnored() {
        #expect(Self.problems("kx7#pq2!wz", email: "", name: "") == [])
        #expect(Self.problems("kx7#pq2!wz", email: "   ", name: " - ") == [])
    }

    // MARK: - Repetition and runs

    @Test(arguments: [
        "aaaaaaaaaa", "AAAAAAAAAAAA", "abababababab", "abcabcabcabc", "abcabcabca", "passpasspass", "0000000000",
        "1212121212", "abcdefghijkl", "ABCDEFGHIJ", "zyxwvutsrqpo", "0123456789", "9876543210", "aaaaa aaaaa",
        "жжжжжжжжжж", "абвгдежзий",
    ])
    func refusesRepetitionAndRuns(password: String) {
        #expect(Self.problems(password).contains(.repetitiveOrSequential))
    }

    @Test(arguments: ["abcdeabcde1", "aaaaaaaaab", "acegikmoqs", "hellohello", "1234567890x"])
    func acceptsWhatOnlyLooksRepetitive(password: String) {
        #expect(!Self.problems(password).contains(.repetitiveOrSequential))
    }

    // MARK: - Several problems and keys

    @Test func reportsEveryProblemInAFixedOrder() {
        let problems = Self.problems("aaaa", email: "aaaa@x.mn", name: nil)
        #expect(problems == [.tooShort(min: 10), .containsEmailOrName, .repetitiveOrSequential])
    }

    @Test func keysAndArgumentsAreStable() {
        let expected: [(PasswordProblem, String, [String: String])] = [
            (.tooShort(min: 10), "password.tooShort", ["min": "10"]),
            (.tooLong(max: 200), "password.tooLong", ["max": "200"]),
            (.commonPassword, "password.commonPassword", [:]),
            (.containsEmailOrName, "password.containsEmailOrName", [:]),
            (.repetitiveOrSequential, "password.repetitiveOrSequential", [:]),
        ]
        for (problem, key, arguments) in expected {
            #expect(problem.key == key)
            #expect(problem.arguments == arguments)
        }
        #expect(PasswordProblem.tooShort(min: 12).arguments == ["min": "12"])
    }
}
