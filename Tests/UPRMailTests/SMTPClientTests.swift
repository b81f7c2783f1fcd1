import Foundation
import SMTPSink
import Testing
import UPRMail

/// The client against a real (local) SMTP server: plain, STARTTLS and TLS; both AUTH mechanisms; every refusal
/// reported with the step and the server's words, never the password.
// One conversation at a time: under the whole parallel suite on two cores, concurrent sinks have starved each other.
@Suite(.serialized) struct SMTPClientTests {
    static let password = "Пароль-s3cret"

    static func caFile() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("upr-test-ca.pem").path
        try TestCertificate.certificatePEM.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func settings(_ sink: SMTPSink, _ security: SMTPSecurity, user: String? = nil, ca: Bool = true) throws
        -> SMTPSettings
    {
        var settings = SMTPSettings(
            host: "localhost", port: sink.port, security: security, username: user,
            password: user == nil ? nil : Self.password, from: MailAddress(address: "upr@example.org", name: "UPR"),
            caFile: ca ? try Self.caFile() : nil, heloName: "upr.test")
        // Generous: the whole suite runs in parallel on two cores, and no test here waits for a timeout.
        settings.replyTimeoutSeconds = 60
        return settings
    }

    func mail(to: String = "person@example.org", body: String = "Hello,\n.\n.hidden line\nБайна уу?\n") -> MailMessage {
        MailMessage(
            from: MailAddress(address: "upr@example.org", name: "UPR"), to: MailAddress(address: to),
            subject: "Сайн байна уу", body: body, date: Date(),
            messageID: MailMessage.makeMessageID(domain: "example.org"))
    }

    @Test func plainDeliveryWithDotStuffing() async throws {
        let sink = try await SMTPSink.start()
        let message = mail()
        try await SMTPClient(settings: try settings(sink, .none)).send(message)
        let received = try #require(try await sink.waitForMail(count: 1).first)
        #expect(received.mailFrom == "upr@example.org")
        #expect(received.recipients == ["person@example.org"])
        #expect(received.text == message.body)
        #expect(received.subject == "Сайн байна уу")
        #expect(!received.overTLS)
        #expect(sink.commands.first == "EHLO upr.test")
        #expect(sink.commands.last == "QUIT")
        await sink.shutdown()
    }

    @Test(arguments: ["PLAIN", "LOGIN"])
    func startTLSWithAuthentication(_ mechanism: String) async throws {
        var behaviour = SMTPSink.Behaviour()
        behaviour.mode = .starttls
        behaviour.credentials = ("upr", Self.password)
        behaviour.authMechanisms = [mechanism]
        let sink = try await SMTPSink.start(behaviour)
        try await SMTPClient(settings: try settings(sink, .starttls, user: "upr")).send(mail())
        let received = try #require(try await sink.waitForMail(count: 1).first)
        #expect(received.overTLS)
        #expect(received.user == "upr")
        // EHLO again after TLS (RFC 3207), and no AUTH before it.
        let commands = sink.commands
        #expect(commands.filter { $0.hasPrefix("EHLO") }.count == 2)
        let tlsAt = try #require(commands.firstIndex(of: "STARTTLS"))
        #expect(commands.firstIndex { $0.hasPrefix("AUTH") }! > tlsAt)
        await sink.shutdown()
    }

    @Test func implicitTLS() async throws {
        var behaviour = SMTPSink.Behaviour()
        behaviour.mode = .tls
        let sink = try await SMTPSink.start(behaviour)
        try await SMTPClient(settings: try settings(sink, .tls)).send(mail())
        #expect(try await sink.waitForMail(count: 1).first?.overTLS == true)
        await sink.shutdown()
    }

    @Test func anUntrustedCertificateIsRefused() async throws {
        var behaviour = SMTPSink.Behaviour()
        behaviour.mode = .tls
        let sink = try await SMTPSink.start(behaviour)
        await #expect {
            try await SMTPClient(settings: try settings(sink, .tls, ca: false)).send(mail())
        } throws: { error in
            if case .tls = error as? SMTPError { return true }
            return false
        }
        #expect(sink.received.isEmpty)
        await sink.shutdown()
    }

    @Test func noStartTLSMeansNoMail() async throws {
        let sink = try await SMTPSink.start()
        await #expect(throws: SMTPError.startTLSUnavailable) {
            try await SMTPClient(settings: try settings(sink, .starttls)).send(mail())
        }
        #expect(!sink.commands.contains { $0.hasPrefix("MAIL") })
        await sink.shutdown()
    }

    /// Plaintext slipped in after the STARTTLS reply (CVE-2011-0411 class) ends the conversation.
    @Test func dataInjectedBeforeTheHandshakeIsRefused() async throws {
        var behaviour = SMTPSink.Behaviour()
        behaviour.mode = .starttls
        behaviour.injectAfterStartTLS = true
        let sink = try await SMTPSink.start(behaviour)
        await #expect {
            try await SMTPClient(settings: try settings(sink, .starttls)).send(mail())
        } throws: { error in
            if case .protocolViolation = error as? SMTPError { return true }
            return false
        }
        #expect(sink.received.isEmpty)
        await sink.shutdown()
    }

    @Test func aWrongPasswordIsReportedWithoutThePassword() async throws {
        var behaviour = SMTPSink.Behaviour()
        behaviour.mode = .starttls
        behaviour.credentials = ("upr", "another password")
        let sink = try await SMTPSink.start(behaviour)
        do {
            try await SMTPClient(settings: try settings(sink, .starttls, user: "upr")).send(mail())
            Issue.record("sent with a wrong password")
        } catch let error as SMTPError {
            #expect(
                error == .rejected(step: "AUTH PLAIN", code: 535, message: "5.7.8 Authentication credentials invalid"))
            #expect(!error.isPermanent)
            #expect(!error.description.contains(Self.password))
            #expect(!String(reflecting: error).contains(Self.password))
        }
        await sink.shutdown()
    }

    /// A refused recipient fails that mail only; the next one on the same connection goes through.
    @Test func refusalsAreClearAndPerMessage() async throws {
        var behaviour = SMTPSink.Behaviour()
        behaviour.unknownRecipients = ["nobody@example.org"]
        behaviour.temporaryFailures = 0
        let sink = try await SMTPSink.start(behaviour)
        let client = SMTPClient(settings: try settings(sink, .none))
        let outcome = try await client.withSession { session in
            var errors: [SMTPError?] = []
            for address in ["nobody@example.org", "person@example.org"] {
                do {
                    try await session.send(mail(to: address))
                    errors.append(nil)
                } catch let error as SMTPError {
                    errors.append(error)
                }
            }
            return errors
        }
        let refusal = try #require(outcome[0])
        #expect(refusal == .rejected(step: "RCPT TO", code: 550, message: "5.1.1 No such user here"))
        #expect(refusal.isPermanent)
        #expect(refusal.description == "The mail server refused RCPT TO with 550: 5.1.1 No such user here")
        #expect(outcome[1] == nil)
        #expect(try await sink.waitForMail(count: 1).map(\.recipients) == [["person@example.org"]])
        #expect(sink.commands.contains("RSET"))
        await sink.shutdown()
    }

    @Test func temporaryRefusalsAreNotPermanent() async throws {
        var behaviour = SMTPSink.Behaviour()
        behaviour.temporaryFailures = 1
        let sink = try await SMTPSink.start(behaviour)
        let client = SMTPClient(settings: try settings(sink, .none))
        await #expect {
            try await client.send(mail())
        } throws: { error in
            guard let error = error as? SMTPError, case .rejected("RCPT TO", 451, _) = error else { return false }
            return !error.isPermanent
        }
        try await client.send(mail())
        #expect(try await sink.waitForMail(count: 1).count == 1)
        await sink.shutdown()
    }

    @Test func nobodyListening() async throws {
        let sink = try await SMTPSink.start()
        let closed = try settings(sink, .none)
        await sink.shutdown()
        await #expect {
            try await SMTPClient(settings: closed).send(mail())
        } throws: { error in
            if case .connection = error as? SMTPError { return true }
            return false
        }
    }

    @Test func unusableAddressesAreNotSent() async throws {
        let sink = try await SMTPSink.start()
        await #expect(throws: SMTPError.invalidAddress("a b@example.org")) {
            try await SMTPClient(settings: try settings(sink, .none)).send(mail(to: "a b@example.org"))
        }
        #expect(!sink.commands.contains { $0.hasPrefix("RCPT") })
        await sink.shutdown()
    }
}
