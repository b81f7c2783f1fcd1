import Testing
import UPRDomain

@Suite("Web address rule")
struct WebAddressTests {
    @Test(
        "http and https addresses with a host are accepted",
        arguments: [
            "https://www.1212.mn/report.pdf", "http://example.org", "HTTPS://Example.org/a?b=c#d",
            "https://ohchr.org/en/hr-bodies/upr/mn-index", "http://127.0.0.1:8080/x",
        ])
    func accepted(_ link: String) {
        #expect(WebAddress.isValid(link))
    }

    @Test(
        "script, data, file and relative links, missing hosts, spaces and markup are refused",
        arguments: [
            "javascript:alert(1)", "JavaScript://example.org/%0Aalert(1)", "data:text/html,<script>x</script>",
            "file:///etc/passwd", "ftp://x.org", "/relative/path", "relative.html", "//example.org/no-scheme",
            "https://", "http:///path", "https:example.org", "https://a b", " https://example.org", "https://x.org/\n",
            "https://x.org/\"onmouseover=\"x", "https://x.org/<b>", "",
        ])
    func refused(_ link: String) {
        #expect(!WebAddress.isValid(link))
    }

    @Test("an address longer than 2,000 characters is refused")
    func tooLong() {
        let base = "https://example.org/"
        #expect(WebAddress.isValid(base + String(repeating: "a", count: WebAddress.maximumLength - base.count)))
        #expect(!WebAddress.isValid(base + String(repeating: "a", count: WebAddress.maximumLength)))
    }
}
