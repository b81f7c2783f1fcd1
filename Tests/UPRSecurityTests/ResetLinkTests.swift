import Foundation
import Testing
import UPRSecurity

@Suite struct ResetLinkTests {
    @Test func lifetimeIsOneHour() {
        #expect(ResetLink.lifetime == 3600)
    }

    @Test(arguments: ["https://upr.example.mn", "https://upr.example.mn/", "https://upr.example.mn//"])
    func joinsBaseURLPathAndToken(base: String) {
        #expect(ResetLink.make(baseURL: base, token: "abc-_123") == "https://upr.example.mn/password-reset/abc-_123")
    }

    @Test func keepsAPathPrefixOfTheBaseURL() {
        #expect(
            ResetLink.make(baseURL: "https://example.org/upr/", token: "t")
                == "https://example.org/upr/password-reset/t")
    }

    @Test func generatedTokensPassThroughUnchanged() {
        let token = SecureToken.generate()
        let link = ResetLink.make(baseURL: "http://127.0.0.1:8080", token: token)
        #expect(link == "http://127.0.0.1:8080/password-reset/" + token)
        #expect(URL(string: link)?.lastPathComponent == token)
    }

    @Test func percentEncodesATokenThatIsNotURLSafe() {
        #expect(
            ResetLink.make(baseURL: "https://x.mn", token: "a/b?c#d e")
                == "https://x.mn/password-reset/a%2Fb%3Fc%23d%20e")
    }

    @Test func validForOneHourFromIssue() {
        let issued = Date(timeIntervalSince1970: 1_750_000_000)
        #expect(ResetLink.expiry(issuedAt: issued) == issued.addingTimeInterval(3600))
        #expect(ResetLink.isValid(issuedAt: issued, now: issued))
        #expect(ResetLink.isValid(issuedAt: issued, now: issued.addingTimeInterval(3599.9)))
        #expect(!ResetLink.isValid(issuedAt: issued, now: issued.addingTimeInterval(3600)))
        #expect(!ResetLink.isValid(issuedAt: issued, now: issued.addingTimeInterval(86400)))
        #expect(!ResetLink.isValid(issuedAt: issued, now: issued.addingTimeInterval(-1)))
    }
}
