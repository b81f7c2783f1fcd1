import Foundation
import NIOCore
import NIOSSL

/// An open, greeted and signed-in connection; `send` hands over one mail.
public final class SMTPSession {
    private var reader: SMTPReplyReader
    private let writer: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private let channel: any Channel
    private let settings: SMTPSettings
    /// The EHLO keywords the server offered (upper case), e.g. `STARTTLS`, `AUTH PLAIN LOGIN`.
    private(set) var capabilities: [String] = []

    init(
        reader: SMTPReplyReader, writer: NIOAsyncChannelOutboundWriter<ByteBuffer>, channel: any Channel,
        settings: SMTPSettings
    ) {
        self.reader = reader
        self.writer = writer
        self.channel = channel
        self.settings = settings
    }

    /// The name to send in TLS SNI: nil for an IP address, which SNI does not carry (the certificate is then checked
    /// against the address).
    static func sniName(_ host: String) -> String? {
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1 { return nil }
        return host
    }

    func open(tlsContext: NIOSSLContext?) async throws {
        try expect(try await reader.reply(), [220], step: "the greeting")
        try await hello()
        if settings.security == .starttls {
            guard capabilities.contains(where: { $0 == "STARTTLS" }), let tlsContext else {
                throw SMTPError.startTLSUnavailable
            }
            try expect(try await command("STARTTLS"), [220], step: "STARTTLS")
            let serverName = Self.sniName(settings.host)
            try await channel.eventLoop.submit { [channel] in
                try channel.pipeline.syncOperations.addHandler(
                    NIOSSLClientHandler(context: tlsContext, serverHostname: serverName), position: .first)
            }.get()
            try await reader.awaitTLS()
            // RFC 3207: forget everything learnt before TLS and greet again.
            try await hello()
        }
        if let username = settings.username {
            try await authenticate(username: username, password: settings.password ?? "")
        }
    }

    /// The EHLO argument: the configured name, or an address literal for an IP address (RFC 5321 §4.1.3).
    var heloArgument: String {
        let name = settings.heloName
        guard Self.sniName(name) == nil else { return name }
        return name.contains(":") ? "[IPv6:\(name)]" : "[\(name)]"
    }

    private func hello() async throws {
        let reply = try await command("EHLO " + heloArgument)
        if reply.code >= 500 && settings.security == .none && settings.username == nil {
            // A server from before ESMTP; plain HELO is enough when nothing else is needed.
            try expect(try await command("HELO " + heloArgument), [250], step: "HELO")
            capabilities = []
            return
        }
        try expect(reply, [250], step: "EHLO")
        capabilities = reply.lines.dropFirst().map { $0.uppercased().trimmingCharacters(in: .whitespaces) }
    }

    private func authenticate(username: String, password: String) async throws {
        let mechanisms = Set(
            capabilities.filter { $0.hasPrefix("AUTH ") || $0.hasPrefix("AUTH=") }
                .flatMap { $0.dropFirst(5).split(separator: " ").map(String.init) })
        if mechanisms.contains("PLAIN") {
            let token = Data(([0] + Array(username.utf8) + [0] + Array(password.utf8))).base64EncodedString()
            try expect(try await command("AUTH PLAIN " + token, logged: "AUTH PLAIN"), [235], step: "AUTH PLAIN")
        } else if mechanisms.contains("LOGIN") {
            try expect(try await command("AUTH LOGIN"), [334], step: "AUTH LOGIN")
            try expect(
                try await command(Data(username.utf8).base64EncodedString(), logged: "AUTH LOGIN"), [334],
                step: "AUTH LOGIN")
            try expect(
                try await command(Data(password.utf8).base64EncodedString(), logged: "AUTH LOGIN"), [235],
                step: "AUTH LOGIN")
        } else {
            throw SMTPError.authenticationUnavailable
        }
    }

    /// Hands one mail to the server. A refusal leaves the session usable for the next mail (the transaction is
    /// reset), so one bad recipient does not fail the others.
    public func send(_ message: MailMessage) async throws {
        for address in [message.from.address, message.to.address] where !MailAddress.isValid(address: address) {
            throw SMTPError.invalidAddress(address)
        }
        do {
            try expect(try await command("MAIL FROM:<\(message.from.address)>"), [250], step: "MAIL FROM")
            try expect(try await command("RCPT TO:<\(message.to.address)>"), [250, 251], step: "RCPT TO")
            try expect(try await command("DATA"), [354], step: "DATA")
            try await write(Self.dotStuffed(message.rendered()) + ".\r\n")
            try expect(try await reader.reply(), [250], step: "message")
        } catch let error as SMTPError {
            if case .rejected = error { _ = try? await command("RSET") }
            throw error
        }
    }

    /// Says goodbye; the server's answer does not matter any more.
    func quit() async {
        _ = try? await command("QUIT")
    }

    /// RFC 5321 §4.5.2: a line that starts with a dot gets a second one, so that no line of the mail can end it
    /// early. The text must already have CRLF line endings and end with one.
    public static func dotStuffed(_ rendered: String) -> String {
        var text = rendered
        if !text.hasSuffix("\r\n") { text += "\r\n" }
        if text.hasPrefix(".") { text = "." + text }
        return text.replacingOccurrences(of: "\r\n.", with: "\r\n..")
    }

    /// Sends a command line and reads the reply. `logged` replaces the line in errors (credentials).
    private func command(_ line: String, logged: String? = nil) async throws -> SMTPReply {
        guard !line.contains("\r"), !line.contains("\n") else {
            throw SMTPError.protocolViolation("a line break inside the command \(logged ?? line)")
        }
        try await write(line + "\r\n")
        return try await reader.reply()
    }

    private func write(_ text: String) async throws {
        do {
            try await writer.write(ByteBuffer(string: text))
        } catch {
            throw SMTPError.classify(error)
        }
    }

    private func expect(_ reply: SMTPReply, _ codes: Set<Int>, step: String) throws {
        guard codes.contains(reply.code) else {
            throw SMTPError.rejected(step: step, code: reply.code, message: reply.message)
        }
    }
}
