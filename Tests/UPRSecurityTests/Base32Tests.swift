import Testing
import UPRSecurity
import UPRTestSupport

@Suite struct Base32Tests {
    /// RFC 4648 section 10, with the padding this encoder leaves off.
    static let vectors: [(plain: String, padded: String)] = [
        ("", ""),
        ("f", "MY======"),
        ("fo", "MZXQ===="),
        ("foo", "MZXW6==="),
        ("foob", "MZXW6YQ="),
        ("fooba", "MZXW6YTB"),
        ("foobar", "MZXW6YTBOI======"),
    ]

    @Test(arguments: vectors)
    func encodesTheRFCVectorsWithoutPadding(plain: String, padded: String) {
        let unpadded = String(padded.prefix { $0 != "=" })
        #expect(Base32.encode(Array(plain.utf8)) == unpadded)
    }

    @Test(arguments: vectors)
    func decodesTheRFCVectorsPaddedUnpaddedAndInLowerCase(plain: String, padded: String) {
        let unpadded = String(padded.prefix { $0 != "=" })
        let expected = Array(plain.utf8)
        #expect(Base32.decode(padded) == expected)
        #expect(Base32.decode(unpadded) == expected)
        #expect(Base32.decode(padded.lowercased()) == expected)
        #expect(Base32.decode(unpadded.lowercased()) == expected)
    }

    @Test func decodesMixedCase() {
        #expect(Base32.decode("mZxW6yTbOi") == Array("foobar".utf8))
    }

    @Test(arguments: [
        "MZXW6YT1",  // 1 is not in the alphabet (it looks like I and L)
        "MZXW6YT0",  // nor is 0 (it looks like O)
        "MZXW6YT8",
        "MZXW6 YTB",  // spaces are not skipped
        "MZXW6-YTB",
        "MZ=XW6YTB",  // padding only at the end
        "=MZXW6YTB",
        "MZXW6YTB!",
        "MZXW6YTBÖ",
        "M",  // lengths no encoder writes: 1, 3 or 6 symbols past a multiple of 8
        "MZX",
        "MZXW6Y",
        "MZXW6YTBM",
    ])
    func rejectsWhatIsNotBase32(text: String) {
        #expect(Base32.decode(text) == nil)
    }

    @Test func acceptsOnlyPaddingAsAWholeString() {
        #expect(Base32.decode("========") == [])
    }

    @Test func roundTripsRandomBytesOfEveryLengthUpTo64() {
        var generator = SeededGenerator(seed: 4648)
        for length in 0...64 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let encoded = Base32.encode(bytes)
            #expect(encoded.count == (length * 8 + 4) / 5)
            #expect(!encoded.contains("="))
            #expect(Base32.decode(encoded) == bytes)
            #expect(Base32.decode(encoded.lowercased()) == bytes)
        }
    }

    @Test func encodesTheAllOnesAndAllZerosPatterns() {
        #expect(Base32.encode([UInt8](repeating: 0, count: 5)) == "AAAAAAAA")
        #expect(Base32.encode([UInt8](repeating: 0xFF, count: 5)) == "77777777")
    }
}
