import Foundation
import SMTPSink
import Testing

@testable import UPRMail

/// The mail as bytes: headers a mail reader accepts, UTF-8 text that survives any transport, nothing a value can
/// inject.
@Suite struct MessageEncodingTests {
    static let mongolian = "Нууц үгээ сэргээх холбоос: энэ холбоос нэг цагийн турш, нэг удаа ажиллана."

    func message(subject: String, body: String) -> MailMessage {
        MailMessage(
            from: MailAddress(address: "upr@example.org", name: "UPR Tracker"),
            to: MailAddress(address: "focal@example.mn", name: "Б. Болд"), subject: subject, body: body,
            date: Date(timeIntervalSince1970: 1_446_631_200), messageID: "<abc123@example.org>")
    }

    func received(_ message: MailMessage) -> SMTPSink.Received {
        SMTPSink.Received(
            mailFrom: message.from.address, recipients: [message.to.address], data: message.rendered(), user: nil,
            overTLS: false)
    }

    @Test func headersAreRFC5322() throws {
        let mail = received(message(subject: "Reset your password", body: "Hello"))
        #expect(mail.header("Date") == "Wed, 04 Nov 2015 10:00:00 +0000")
        #expect(mail.header("From") == "\"UPR Tracker\" <upr@example.org>")
        #expect(mail.header("Message-ID") == "<abc123@example.org>")
        #expect(mail.header("MIME-Version") == "1.0")
        #expect(mail.header("Content-Type") == "text/plain; charset=utf-8")
        #expect(mail.subject == "Reset your password")
        // Every line ends in CRLF and none is longer than 78 characters.
        let lines = mail.data.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 78 && !$0.contains("\n") && !$0.contains("\r") })
        #expect(mail.data.hasSuffix("\r\n"))
    }

    @Test func mongolianSubjectBecomesEncodedWordsThatSplitNoLetter() throws {
        let subject = "UPR Tracker: нууц үгээ сэргээх — " + Self.mongolian
        let mail = received(message(subject: subject, body: "x"))
        let raw = try #require(mail.data.components(separatedBy: "\r\n\r\n").first)
        #expect(raw.utf8.allSatisfy { $0 < 128 })
        #expect(mail.subject == subject)
        let words = raw.matches(of: /=\?UTF-8\?B\?([A-Za-z0-9+\/=]*)\?=/)
        #expect(words.count > 2)
        for word in words {
            #expect(word.0.count <= 75)
            // Each word is valid UTF-8 on its own (RFC 2047 §5: no character split across words).
            let bytes = try #require(Data(base64Encoded: String(word.1)))
            #expect(String(data: bytes, encoding: .utf8) != nil)
        }
        for line in raw.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 78) }
        #expect(
            mail.header("To") == "=?UTF-8?B?" + Data("Б. Болд".utf8).base64EncodedString() + "?= <focal@example.mn>")
    }

    @Test func lineBreaksInTheSubjectCannotAddHeaders() {
        let mail = received(message(subject: "Hello\r\nBcc: everyone@example.org", body: "x"))
        #expect(mail.header("Bcc") == nil)
        #expect(mail.subject == "Hello Bcc: everyone@example.org")
        let quoted = MailAddress(address: "a@b.org", name: "Evil \"Name\"\nBcc: x@y.org")
        #expect(!quoted.headerValue.contains("\n"))
        #expect(MailAddress.parse("Someone <a@b.org>\r\nBcc: x@y.org") == nil)
    }

    @Test func englishIsQuotedPrintableAndMongolianIsBase64() {
        let english = "Hello,\n\nOpen this link: https://upr.example.org/password-reset/abc=def\n"
        let en = received(message(subject: "s", body: english))
        #expect(en.header("Content-Transfer-Encoding") == "quoted-printable")
        #expect(en.data.contains("abc=3Ddef"))
        #expect(en.text == english)

        let mn = received(message(subject: "s", body: Self.mongolian + "\n" + Self.mongolian))
        #expect(mn.header("Content-Transfer-Encoding") == "base64")
        #expect(mn.text == Self.mongolian + "\n" + Self.mongolian)
        for line in mn.data.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 76 || line.contains(":")) }
    }

    @Test func quotedPrintableRules() {
        // `=` is encoded, trailing blanks are encoded, long lines get soft breaks at 76 characters.
        #expect(BodyEncoding.quotedPrintable("a=b") == "a=3Db")
        #expect(BodyEncoding.quotedPrintable("end \r\nnext\t") == "end=20\r\nnext=09")
        let long = String(repeating: "abcdefghij", count: 20)
        let encoded = BodyEncoding.quotedPrintable(long)
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.count == 3)
        #expect(lines.dropLast().allSatisfy { $0.utf8.count == 76 && $0.hasSuffix("=") })
        #expect(String(decoding: SMTPSink.Received.decodeQuotedPrintable(encoded), as: UTF8.self) == long)
        // An encoded byte is never split by a soft break.
        let cyrillic = BodyEncoding.quotedPrintable(String(repeating: "ө", count: 40))
        for line in cyrillic.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 76)
            let content = line.hasSuffix("=") ? String(line.dropLast()) : line
            #expect(content.filter { $0 == "=" }.count == content.matches(of: /=[0-9A-F]{2}/).count)
        }
        #expect(
            String(decoding: SMTPSink.Received.decodeQuotedPrintable(cyrillic), as: UTF8.self)
                == String(repeating: "ө", count: 40))
    }

    @Test func lineEndingsBecomeCRLF() {
        #expect(BodyEncoding.normalizeLineEndings("a\nb\r\nc\rd") == "a\r\nb\r\nc\r\nd")
    }

    @Test func dotStuffingProtectsTheEndOfData() {
        #expect(SMTPSession.dotStuffed(".\r\nx\r\n.hidden\r\n") == "..\r\nx\r\n..hidden\r\n")
        #expect(SMTPSession.dotStuffed("no dots") == "no dots\r\n")
    }

    @Test func addresses() {
        #expect(
            MailAddress.parse("UPR Tracker <upr@example.org>")
                == MailAddress(address: "upr@example.org", name: "UPR Tracker"))
        #expect(MailAddress.parse("\"Secretariat, UPR\" <upr@example.org>")?.name == "Secretariat, UPR")
        #expect(MailAddress.parse("upr@example.org")?.name == "")
        for bad in ["", "no-at-sign", "a@", "@b.org", "a b@c.org", "a@b..org", "<a@b.org", "ә@b.org", "a@b.org>x"] {
            #expect(MailAddress.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func replyLines() {
        #expect(SMTPReply.parseLine("250-PIPELINING")! == (250, false, "PIPELINING"))
        #expect(SMTPReply.parseLine("250 OK")! == (250, true, "OK"))
        #expect(SMTPReply.parseLine("354")! == (354, true, ""))
        #expect(SMTPReply.parseLine("hello") == nil)
        #expect(SMTPReply.parseLine("2500 x") == nil)
    }

    @Test func settingsFromTheEnvironment() throws {
        #expect(try SMTPSettings.fromEnvironment([:], heloName: "h") == nil)
        let settings = try #require(
            try SMTPSettings.fromEnvironment(
                [
                    "UPR_SMTP_HOST": "mail.example.mn", "UPR_SMTP_FROM": "UPR Tracker <upr@example.mn>",
                    "UPR_SMTP_USERNAME": "upr", "UPR_SMTP_PASSWORD": "s3cret-Пароль",
                ], heloName: "upr.example.mn"))
        #expect(settings.port == 587)
        #expect(settings.security == .starttls)
        #expect(!settings.description.contains("s3cret"))
        let tls = try SMTPSettings.fromEnvironment(
            ["UPR_SMTP_HOST": "h", "UPR_SMTP_FROM": "a@b.org", "UPR_SMTP_SECURITY": "TLS"], heloName: "h")
        #expect(tls?.port == 465)
        for broken in [
            ["UPR_SMTP_HOST": "h"],
            ["UPR_SMTP_HOST": "h", "UPR_SMTP_FROM": "not an address"],
            ["UPR_SMTP_HOST": "h", "UPR_SMTP_FROM": "a@b.org", "UPR_SMTP_SECURITY": "ssl"],
            ["UPR_SMTP_HOST": "h", "UPR_SMTP_FROM": "a@b.org", "UPR_SMTP_PORT": "99999"],
            ["UPR_SMTP_HOST": "h", "UPR_SMTP_FROM": "a@b.org", "UPR_SMTP_USERNAME": "u"],
        ] {
            #expect(throws: SMTPSettings.SettingsError.self) { try SMTPSettings.fromEnvironment(broken, heloName: "h") }
        }
    }
}
