import Testing
import UPRSecurity
import UPRTestSupport

@Suite struct CSRFTokenTests {
    @Test func matchesOnlyTheSameToken() {
        let token = CSRFToken.generate().value
        #expect(CSRFToken.matches(submitted: token, expected: token))
        #expect(!CSRFToken.matches(submitted: token + "x", expected: token))
        #expect(!CSRFToken.matches(submitted: String(token.dropLast()), expected: token))
        #expect(!CSRFToken.matches(submitted: CSRFToken.generate().value, expected: token))
    }

    @Test func missingOrEmptyNeverMatches() {
        let token = CSRFToken.generate().value
        #expect(!CSRFToken.matches(submitted: nil, expected: token))
        #expect(!CSRFToken.matches(submitted: "", expected: token))
        // A session that has no token yet must not be satisfied by a form that sends none.
        #expect(!CSRFToken.matches(submitted: "", expected: ""))
        #expect(!CSRFToken.matches(submitted: nil, expected: ""))
        #expect(!CSRFToken.matches(submitted: token, expected: ""))
    }

    @Test func matchesAgainstAStoredHash() {
        let token = CSRFToken.generate()
        #expect(CSRFToken.matches(submitted: token.value, expectedHash: token.hash))
        #expect(CSRFToken.matches(submitted: token.value, expectedHash: token.hash.uppercased()))
        #expect(!CSRFToken.matches(submitted: token.hash, expectedHash: token.hash))
        #expect(!CSRFToken.matches(submitted: token.value + "x", expectedHash: token.hash))
        #expect(!CSRFToken.matches(submitted: nil, expectedHash: token.hash))
        #expect(!CSRFToken.matches(submitted: "", expectedHash: token.hash))
        #expect(!CSRFToken.matches(submitted: "", expectedHash: ""))
        // The hash of the empty string is not a way in either.
        #expect(!CSRFToken.matches(submitted: "", expectedHash: SecureToken.hash("")))
    }

    @Test func hashIsTheSecureTokenHash() {
        let token = CSRFToken(value: "abc")
        #expect(token.hash == SecureToken.hash("abc"))
    }

    @Test func generatedTokensAreLongRandomAndReproducibleWhenInjected() {
        let token = CSRFToken.generate()
        #expect(token.value.count == 43)
        #expect(token.value != CSRFToken.generate().value)
        var first = SeededGenerator(seed: 7)
        var second = SeededGenerator(seed: 7)
        #expect(CSRFToken.generate(using: &first).value == CSRFToken.generate(using: &second).value)
    }

    @Test func doesNotPrintTheValue() {
        let token = CSRFToken.generate()
        #expect(!"\(token)".contains(token.value))
        #expect("\(token)" == "CSRFToken(redacted)")
    }
}
