import Testing
import UPRSecurity
import UPRTestSupport

@Suite struct SecureTokenTests {
    static let base64URLAlphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    @Test func thirtyTwoBytesGiveFortyThreeBase64URLCharacters() {
        let token = SecureToken.generate()
        #expect(token.count == 43)
        #expect(token.allSatisfy(Self.base64URLAlphabet.contains))
    }

    @Test(arguments: [(1, 2), (2, 3), (3, 4), (16, 22), (20, 27), (32, 43), (64, 86)])
    func lengthFollowsTheByteCountWithoutPadding(byteCount: Int, characters: Int) {
        let token = SecureToken.generate(byteCount: byteCount)
        #expect(token.count == characters)
        #expect(!token.contains("="))
    }

    @Test func usesTheURLSafeAlphabetOnly() {
        // Enough tokens that '-' and '_' (values 62 and 63) are certain to appear, and '+' '/' '=' would too.
        var generator = SeededGenerator(seed: 4648)
        let text = (0..<200).map { _ in SecureToken.generate(byteCount: 32, using: &generator) }.joined()
        #expect(text.allSatisfy(Self.base64URLAlphabet.contains))
        #expect(text.contains("-"))
        #expect(text.contains("_"))
    }

    @Test func anInjectedGeneratorMakesTokensReproducible() {
        var first = SeededGenerator(seed: 42)
        var second = SeededGenerator(seed: 42)
        #expect(SecureToken.generate(using: &first) == SecureToken.generate(using: &second))
        var other = SeededGenerator(seed: 43)
        #expect(SecureToken.generate(using: &first) != SecureToken.generate(using: &other))
    }

    @Test func systemTokensAreDistinct() {
        let tokens = Set((0..<1000).map { _ in SecureToken.generate() })
        #expect(tokens.count == 1000)
    }

    @Test func hashIsLowerCaseHexSHA256() {
        // FIPS 180-2 appendix B.1 and the empty-message digest.
        #expect(SecureToken.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SecureToken.hash("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func hashIsStableAndDiffersFromTheToken() {
        let token = SecureToken.generate()
        let hash = SecureToken.hash(token)
        #expect(hash.count == 64)
        #expect(hash == SecureToken.hash(token))
        #expect(hash != token)
        #expect(SecureToken.hash(token + "x") != hash)
        #expect(hash.allSatisfy { "0123456789abcdef".contains($0) })
    }

    @Test func hashesNonASCIIByItsUTF8Bytes() {
        // The same text in NFC and NFD is two different tokens: tokens are compared as bytes.
        #expect(SecureToken.hash("\u{00E9}") != SecureToken.hash("e\u{0301}"))
    }

    @Test func constantTimeEqualsComparesBytes() {
        #expect(SecureToken.constantTimeEquals("", ""))
        #expect(SecureToken.constantTimeEquals("abc", "abc"))
        #expect(!SecureToken.constantTimeEquals("abc", "abd"))
        #expect(!SecureToken.constantTimeEquals("abc", "bbc"))
        #expect(!SecureToken.constantTimeEquals("abc", "ab"))
        #expect(!SecureToken.constantTimeEquals("ab", "abc"))
        #expect(!SecureToken.constantTimeEquals("", "a"))
        #expect(!SecureToken.constantTimeEquals("abc", "ABC"))
        // A trailing NUL must not be mistaken for the end of the shorter string.
        #expect(!SecureToken.constantTimeEquals("abc", "abc\u{0}"))
        #expect(!SecureToken.constantTimeEquals("\u{00E9}", "e\u{0301}"))
        let token = SecureToken.generate()
        #expect(SecureToken.constantTimeEquals(token, String(decoding: Array(token.utf8), as: UTF8.self)))
    }
}
