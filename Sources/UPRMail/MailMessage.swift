import Foundation

/// One plain-text mail, rendered as RFC 5322 with MIME headers for UTF-8 text.
public struct MailMessage: Sendable, Equatable {
    public var from: MailAddress
    public var to: MailAddress
    public var subject: String
    /// The text, in any line-ending convention; it is sent with CRLF.
    public var body: String
    /// When the mail was written (the Date header); a retry keeps the first date.
    public var date: Date
    /// `<unique@domain>`, fixed when the mail is queued so that a retry is recognisably the same mail.
    public var messageID: String

    public init(from: MailAddress, to: MailAddress, subject: String, body: String, date: Date, messageID: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.date = date
        self.messageID = messageID
    }

    /// A new Message-ID under the sender's domain.
    public static func makeMessageID(domain: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        let random = (0..<32).map { _ in String(digits[Int.random(in: 0..<16, using: &generator)]) }
        return "<" + random.joined() + "@" + domain + ">"
    }

    /// Headers and body with CRLF line endings, ready for SMTP DATA (before dot-stuffing).
    public func rendered() -> String {
        let (encoding, encodedBody) = BodyEncoding.encode(body)
        let headers = [
            "Date: " + MailDate.format(date),
            "From: " + from.headerValue,
            "To: " + to.headerValue,
            "Subject: " + HeaderEncoding.unstructured(subject),
            "Message-ID: " + messageID,
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: " + encoding.rawValue,
            "Auto-Submitted: auto-generated",
        ]
        let end = encodedBody.hasSuffix("\r\n") || encodedBody.isEmpty ? "" : "\r\n"
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + encodedBody + end
    }
}
