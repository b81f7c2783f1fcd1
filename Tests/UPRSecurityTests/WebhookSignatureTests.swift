import Foundation
import Testing
import UPRSecurity

/// The webhook signature agrees with a receiver's own HMAC-SHA256 (the value below is Python's `hmac.new`), and a
/// receiver's check refuses another body, another secret, an old timestamp and a missing part.
@Suite struct WebhookSignatureTests {
    static let body = #"{"kind":"plan-changed"}"#
    static let moment = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func matchesAnIndependentHMAC() {
        #expect(
            WebhookSignature.header(secret: "whsec_example", timestamp: 1_700_000_000, body: Self.body)
                == "t=1700000000,v1=81ad52f952914c342330eb5067e4828ef4198c5f4a9198c147beccf80d91c7df")
    }

    @Test func theReceiversCheck() {
        let header = WebhookSignature.header(secret: "whsec_example", timestamp: 1_700_000_000, body: Self.body)
        #expect(WebhookSignature.verify(header: header, body: Self.body, secret: "whsec_example", now: Self.moment))
        #expect(
            WebhookSignature.verify(
                header: header, body: Self.body, secret: "whsec_example", now: Self.moment.addingTimeInterval(299)))
        #expect(
            !WebhookSignature.verify(
                header: header, body: Self.body, secret: "whsec_example", now: Self.moment.addingTimeInterval(301)),
            "a replay five minutes later")
        #expect(
            !WebhookSignature.verify(header: header, body: Self.body + " ", secret: "whsec_example", now: Self.moment))
        #expect(!WebhookSignature.verify(header: header, body: Self.body, secret: "whsec_other", now: Self.moment))
        #expect(!WebhookSignature.verify(header: "v1=abc", body: Self.body, secret: "whsec_example", now: Self.moment))
        #expect(
            !WebhookSignature.verify(
                header: "t=1700000000", body: Self.body, secret: "whsec_example", now: Self.moment))
    }
}
