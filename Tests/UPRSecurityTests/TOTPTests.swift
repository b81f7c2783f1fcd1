import Foundation
import Testing
import UPRSecurity
import UPRTestSupport

@Suite struct TOTPTests {
    /// The seeds of RFC 6238 appendix B: the ASCII digits repeated to the hash's output length.
    static let sha1Seed = Array("12345678901234567890".utf8)
    static let sha256Seed = Array("12345678901234567890123456789012".utf8)
    static let sha512Seed = Array("1234567890123456789012345678901234567890123456789012345678901234".utf8)

    static func seed(for algorithm: TOTP.Algorithm) -> [UInt8] {
        switch algorithm {
        case .sha1: sha1Seed
        case .sha256: sha256Seed
        case .sha512: sha512Seed
        }
    }

    /// RFC 6238 appendix B: time, its counter, and the 8-digit codes for SHA-1, SHA-256 and SHA-512.
    static let appendixB: [(time: TimeInterval, counter: Int, sha1: String, sha256: String, sha512: String)] = [
        (59, 0x1, "94287082", "46119246", "90693936"),
        (1_111_111_109, 0x235_23EC, "07081804", "68084774", "25091201"),
        (1_111_111_111, 0x235_23ED, "14050471", "67062674", "99943326"),
        (1_234_567_890, 0x273_EF07, "89005924", "91819424", "93441116"),
        (2_000_000_000, 0x3F9_40AA, "69279037", "90698825", "38618901"),
        (20_000_000_000, 0x27BC_86AA, "65353130", "77737706", "47863826"),
    ]

    static let appendixBCases: [(TimeInterval, Int, TOTP.Algorithm, String)] = appendixB.flatMap { row in
        [
            (row.time, row.counter, TOTP.Algorithm.sha1, row.sha1),
            (row.time, row.counter, .sha256, row.sha256),
            (row.time, row.counter, .sha512, row.sha512),
        ]
    }

    @Test(arguments: appendixBCases)
    func matchesRFC6238AppendixB(time: TimeInterval, counter: Int, algorithm: TOTP.Algorithm, expected: String) {
        let totp = TOTP(secret: Self.seed(for: algorithm), digits: 8, algorithm: algorithm)
        let date = Date(timeIntervalSince1970: time)
        #expect(totp.counter(at: date) == counter)
        #expect(totp.code(at: date) == expected)
        #expect(totp.verify(expected, at: date, window: 0) == counter)
    }

    /// RFC 4226 appendix D: HOTP values for counters 0 to 9, which the 6-digit TOTP codes are.
    @Test func matchesRFC4226AppendixD() {
        let expected = [
            "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489",
        ]
        let totp = TOTP(secret: Self.sha1Seed)
        #expect((0...9).map { totp.code(counter: $0) } == expected)
        for (counter, code) in expected.enumerated() {
            #expect(totp.code(at: Date(timeIntervalSince1970: TimeInterval(counter * 30 + 29))) == code)
        }
    }

    @Test func defaultsAreSixDigitsThirtySecondsSHA1() {
        let totp = TOTP(secret: Self.sha1Seed)
        #expect(totp.digits == 6)
        #expect(totp.period == 30)
        #expect(totp.algorithm == .sha1)
        // The 6-digit code is the last six digits of the 8-digit one (both truncate the same HMAC).
        #expect(totp.code(at: Date(timeIntervalSince1970: 59)) == "287082")
    }

    @Test func stepsChangeExactlyOnPeriodBoundaries() {
        let totp = TOTP(secret: Self.sha1Seed)
        #expect(totp.counter(at: Date(timeIntervalSince1970: 29.999)) == 0)
        #expect(totp.counter(at: Date(timeIntervalSince1970: 30)) == 1)
        #expect(totp.counter(at: Date(timeIntervalSince1970: 59.999)) == 1)
        #expect(totp.counter(at: Date(timeIntervalSince1970: 60)) == 2)
        let minute = TOTP(secret: Self.sha1Seed, period: 60)
        #expect(minute.counter(at: Date(timeIntervalSince1970: 119)) == 1)
        #expect(minute.code(at: Date(timeIntervalSince1970: 119)) == "287082")
    }

    @Test func datesBeforeTheEpochUseStepZero() {
        let totp = TOTP(secret: Self.sha1Seed)
        #expect(totp.counter(at: Date(timeIntervalSince1970: -1)) == 0)
        #expect(totp.counter(at: .distantPast) == 0)
        #expect(totp.code(at: .distantPast) == "755224")
        #expect(totp.counter(at: .distantFuture) > 0)
    }

    // MARK: - Verification window

    static let now = Date(timeIntervalSince1970: 1_700_000_015)  // 15 s into a step
    static let totp = TOTP(secret: sha1Seed)
    static var step: Int { totp.counter(at: now) }

    @Test func acceptsTheCurrentCodeAndReturnsItsStep() {
        let code = Self.totp.code(at: Self.now)
        #expect(Self.totp.verify(code, at: Self.now) == Self.step)
        #expect(Self.totp.verify(code, at: Self.now, window: 0) == Self.step)
    }

    @Test func windowOneAcceptsTheNeighbouringStepsOnly() {
        let totp = Self.totp
        let step = Self.step
        for offset in -1...1 {
            #expect(totp.verify(totp.code(counter: step + offset), at: Self.now) == step + offset)
        }
        #expect(totp.verify(totp.code(counter: step - 2), at: Self.now) == nil)
        #expect(totp.verify(totp.code(counter: step + 2), at: Self.now) == nil)
    }

    @Test func windowZeroAcceptsOnlyTheCurrentStep() {
        let totp = Self.totp
        #expect(totp.verify(totp.code(counter: Self.step - 1), at: Self.now, window: 0) == nil)
        #expect(totp.verify(totp.code(counter: Self.step + 1), at: Self.now, window: 0) == nil)
    }

    @Test func widerWindowsReachFurther() {
        let totp = Self.totp
        #expect(totp.verify(totp.code(counter: Self.step - 2), at: Self.now, window: 2) == Self.step - 2)
        #expect(totp.verify(totp.code(counter: Self.step + 2), at: Self.now, window: 2) == Self.step + 2)
        #expect(totp.verify(totp.code(counter: Self.step + 3), at: Self.now, window: 2) == nil)
    }

    @Test func aCodeTypedLateIsStillAcceptedWithinOneStep() {
        let typedAt = Self.now
        let code = Self.totp.code(at: typedAt)
        let submittedAt = typedAt.addingTimeInterval(30)
        #expect(Self.totp.verify(code, at: submittedAt) == Self.step)
        #expect(Self.totp.verify(code, at: typedAt.addingTimeInterval(60)) == nil)
    }

    @Test func stepsBelowZeroAreNotTried() {
        let totp = TOTP(secret: Self.sha1Seed)
        let start = Date(timeIntervalSince1970: 5)
        #expect(totp.verify("755224", at: start, window: 3) == 0)
        #expect(totp.verify("287082", at: start, window: 3) == 1)
    }

    // MARK: - Replay

    @Test func theReturnedStepRefusesReplayOfTheSameAndEarlierCodes() {
        let totp = Self.totp
        let step = Self.step
        let code = totp.code(counter: step)
        let stored = totp.verify(code, at: Self.now)
        #expect(stored == step)
        // The same code again, still inside the window: refused.
        #expect(totp.verify(code, at: Self.now, lastUsedCounter: stored) == nil)
        #expect(totp.verify(code, at: Self.now.addingTimeInterval(29), lastUsedCounter: stored) == nil)
        // The previous step's code, still inside the window: refused as well.
        #expect(totp.verify(totp.code(counter: step - 1), at: Self.now, lastUsedCounter: stored) == nil)
        // The next step's code goes through and moves the stored step on.
        let next = totp.verify(
            totp.code(counter: step + 1), at: Self.now.addingTimeInterval(30), lastUsedCounter: stored)
        #expect(next == step + 1)
    }

    @Test func theCallerCanCompareTheStepItselfToo() {
        // The same protection for a caller that keeps the comparison in its own code.
        let code = Self.totp.code(at: Self.now)
        let first = Self.totp.verify(code, at: Self.now)
        let second = Self.totp.verify(code, at: Self.now.addingTimeInterval(10))
        #expect(first != nil)
        #expect(second == first)  // so `second! > first!` fails and the caller refuses it
    }

    @Test func whenTwoStepsInTheWindowShareACodeTheLaterIsReturned() {
        // Found by search: with the RFC seed, steps 153567 and 153569 both give 468457.
        let totp = TOTP(secret: Self.sha1Seed)
        #expect(totp.code(counter: 153_567) == "468457")
        #expect(totp.code(counter: 153_569) == "468457")
        let middle = Date(timeIntervalSince1970: 153_568 * 30 + 15)
        #expect(totp.verify("468457", at: middle) == 153_569)
        #expect(totp.verify("468457", at: middle, lastUsedCounter: 153_567) == 153_569)
        #expect(totp.verify("468457", at: middle, lastUsedCounter: 153_569) == nil)
        #expect(totp.verify("468457", at: Date(timeIntervalSince1970: 153_567 * 30), window: 0) == 153_567)
    }

    // MARK: - What people type

    @Test(arguments: ["123 456", " 123456 ", "12 34 56", "123\u{00A0}456", "\t123456\n"])
    func ignoresWhitespaceInTheTypedCode(typed: String) throws {
        let secret = try #require(Base32.decode("JBSWY3DPEHPK3PXP"))
        let totp = TOTP(secret: secret)
        // The digits 1 to 6 in each shape stand for the real code's digits, in order.
        let code = totp.code(at: Self.now)
        var digits = Array(code)
        let shaped = String(
            typed.map { character -> Character in character.isNumber ? digits.removeFirst() : character })
        #expect(totp.verify(shaped, at: Self.now) == totp.counter(at: Self.now))
    }

    @Test func rejectsCodesOfTheWrongShape() {
        let totp = Self.totp
        let code = totp.code(at: Self.now)
        #expect(totp.verify("", at: Self.now) == nil)
        #expect(totp.verify(String(code.dropLast()), at: Self.now) == nil)
        #expect(totp.verify(code + "0", at: Self.now) == nil)
        #expect(totp.verify(String(code.dropLast()) + "a", at: Self.now) == nil)
        #expect(totp.verify("-" + String(code.dropFirst()), at: Self.now) == nil)
        // Arabic-Indic digits are digits, but not the ones an authenticator shows.
        let arabicIndic = String(code.map { Character(Unicode.Scalar(0x0660 + UInt32(String($0))!)!) })
        #expect(totp.verify(arabicIndic, at: Self.now) == nil)
    }

    @Test func rejectsAWrongCode() {
        let totp = Self.totp
        let code = totp.code(at: Self.now)
        let last = Int(String(code.last!))!
        let wrong = String(code.dropLast()) + String((last + 1) % 10)
        #expect(totp.verify(wrong, at: Self.now) == nil)
    }

    @Test func eightDigitCodesVerify() {
        let totp = TOTP(secret: Self.sha1Seed, digits: 8)
        let date = Date(timeIntervalSince1970: 59)
        #expect(totp.verify("9428 7082", at: date) == 1)
        #expect(totp.verify("287082", at: date) == nil)
    }

    @Test func aDifferentSecretGivesDifferentCodes() {
        let other = TOTP(secret: Array("abcdefghijabcdefghij".utf8))
        let codes = (0..<20).map { Self.totp.code(counter: $0) }
        let otherCodes = (0..<20).map { other.code(counter: $0) }
        #expect(codes != otherCodes)
    }

    // MARK: - Secrets

    @Test func generatesTwentyByteSecretsFromTheInjectedGenerator() {
        var first = SeededGenerator(seed: 6238)
        var second = SeededGenerator(seed: 6238)
        let a = TOTP.generateSecret(using: &first)
        let b = TOTP.generateSecret(using: &second)
        #expect(a.count == 20)
        #expect(a == b)
        #expect(TOTP.generateSecret(using: &first) != a)
    }

    @Test func generatesDistinctSecretsFromTheSystemGenerator() {
        let secrets = Set((0..<50).map { _ in TOTP.generateSecret() })
        #expect(secrets.count == 50)
        #expect(secrets.allSatisfy { $0.count == TOTP.secretByteCount })
    }

    @Test func readsAndWritesBase32Secrets() throws {
        let totp = try #require(TOTP(base32Secret: "gezdgnbvgy3tqojqgezdgnbvgy3tqojq"))
        #expect(totp.secret == Self.sha1Seed)
        #expect(totp.base32Secret == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        #expect(TOTP(base32Secret: "not base32!") == nil)
    }

    @Test func doesNotPrintTheSecret() {
        let totp = TOTP(secret: Self.sha1Seed)
        let printed = [String(describing: totp), String(reflecting: totp), "\(totp)"]
        var dumped = ""
        dump(totp, to: &dumped)
        for text in printed + [dumped] {
            #expect(!text.contains("49"))  // "1" is byte 49
            #expect(!text.contains(totp.base32Secret))
            #expect(!text.contains("secret:"))
        }
        #expect(printed[0] == "TOTP(SHA1, 6 digits, 30 s, secret redacted)")
    }

    // MARK: - Provisioning URI

    @Test func buildsTheOtpauthURI() {
        let totp = TOTP(secret: Self.sha1Seed)
        let uri = totp.provisioningURI(issuer: "UPR Tracker", account: "focal.point@mfa.gov.mn")
        #expect(
            uri == "otpauth://totp/UPR%20Tracker:focal.point@mfa.gov.mn?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                + "&issuer=UPR%20Tracker&algorithm=SHA1&digits=6&period=30")
    }

    @Test func percentEncodesSeparatorsAndNonASCIIInTheURI() {
        let totp = TOTP(secret: Self.sha256Seed, digits: 8, period: 60, algorithm: .sha256)
        let uri = totp.provisioningURI(issuer: "Hub & Co: UPR", account: "Бат-Эрдэнэ?x=1#y")
        #expect(
            uri == "otpauth://totp/Hub%20%26%20Co%3A%20UPR:%D0%91%D0%B0%D1%82-%D0%AD%D1%80%D0%B4%D1%8D%D0%BD%D1%8D"
                + "%3Fx%3D1%23y?secret=\(totp.base32Secret)&issuer=Hub%20%26%20Co%3A%20UPR"
                + "&algorithm=SHA256&digits=8&period=60")
        // Exactly one unencoded colon after the scheme: the issuer/account separator.
        let label = uri.dropFirst("otpauth://totp/".count).prefix { $0 != "?" }
        #expect(label.filter { $0 == ":" }.count == 1)
        #expect(URL(string: uri) != nil)
    }
}
