import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// A local SMTP server for tests: it speaks enough of RFC 5321 (EHLO, STARTTLS, AUTH PLAIN and LOGIN, MAIL, RCPT,
/// DATA, RSET, QUIT) to receive what the product sends, records every mail, and can be told to misbehave.
public final class SMTPSink: Sendable {
    /// A mail the sink accepted.
    public struct Received: Sendable, Equatable {
        public var mailFrom: String
        public var recipients: [String]
        /// The message as sent, with the transport's dot-stuffing undone, CRLF line endings.
        public var data: String
        /// The user name the client signed in with, if it did.
        public var user: String?
        /// True when the mail came over TLS (STARTTLS or implicit).
        public var overTLS: Bool

        public init(mailFrom: String, recipients: [String], data: String, user: String?, overTLS: Bool) {
            self.mailFrom = mailFrom
            self.recipients = recipients
            self.data = data
            self.user = user
            self.overTLS = overTLS
        }
    }

    public enum Mode: Sendable {
        case plain
        case starttls
        case tls
    }

    /// How the sink behaves.
    public struct Behaviour: Sendable {
        public var mode: Mode = .plain
        /// Required credentials; nil accepts mail without AUTH (and does not offer it).
        public var credentials: (user: String, password: String)?
        /// AUTH mechanisms offered.
        public var authMechanisms = ["PLAIN", "LOGIN"]
        /// Offer STARTTLS in `.plain` mode too (it is always offered in `.starttls`).
        public var offerStartTLS = false
        /// The first this many RCPT commands get `451 4.3.0` (try again later).
        public var temporaryFailures = 0
        /// Recipients refused with `550 5.1.1`.
        public var unknownRecipients: Set<String> = []
        /// Sends a line in the clear right after its `220` to STARTTLS, as an attacker in the middle would.
        public var injectAfterStartTLS = false
        /// A pause before accepting each message, so that concurrent senders overlap.
        public var acceptDelay: Duration = .zero

        public init() {}
    }

    fileprivate struct State {
        var received: [Received] = []
        var temporaryFailuresLeft: Int
        var connections: [any Channel] = []
        var commands: [String] = []
    }

    public let port: Int
    let behaviour: Behaviour
    private let state: NIOLockedValueBox<State>
    private let serverChannel: any Channel
    private let acceptTask: Task<Void, Never>

    private init(
        port: Int, behaviour: Behaviour, state: NIOLockedValueBox<State>, serverChannel: any Channel,
        acceptTask: Task<Void, Never>
    ) {
        self.port = port
        self.behaviour = behaviour
        self.state = state
        self.serverChannel = serverChannel
        self.acceptTask = acceptTask
    }

    /// Starts a sink on 127.0.0.1 on a free port.
    public static func start(_ behaviour: Behaviour = Behaviour()) async throws -> SMTPSink {
        let state = NIOLockedValueBox(State(temporaryFailuresLeft: behaviour.temporaryFailures))
        let tls = try NIOSSLContext(
            configuration: .makeServerConfiguration(
                certificateChain: try NIOSSLCertificate.fromPEMBytes(Array(TestCertificate.certificatePEM.utf8))
                    .map { .certificate($0) },
                privateKey: .privateKey(
                    try NIOSSLPrivateKey(bytes: Array(TestCertificate.privateKeyPEM.utf8), format: .pem))))
        let implicitTLS = behaviour.mode == .tls
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if implicitTLS {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls))
                    }
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let port = server.channel.localAddress?.port ?? 0
        let serverChannel = server.channel
        let task = Task<Void, Never> {
            try? await server.executeThenClose { connections in
                await withDiscardingTaskGroup { group in
                    do {
                        for try await connection in connections {
                            state.withLockedValue { $0.connections.append(connection.channel) }
                            group.addTask {
                                let conversation = SinkConversation(
                                    behaviour: behaviour, state: state, tls: tls, overTLS: implicitTLS)
                                try? await connection.executeThenClose { inbound, outbound in
                                    try await conversation.run(
                                        channel: connection.channel, inbound: inbound, outbound: outbound)
                                }
                            }
                        }
                    } catch {}
                }
            }
        }
        return SMTPSink(port: port, behaviour: behaviour, state: state, serverChannel: serverChannel, acceptTask: task)
    }

    /// Every mail accepted so far.
    public var received: [Received] { state.withLockedValue { $0.received } }

    /// Every command line received so far (AUTH arguments included: the tests check what was sent).
    public var commands: [String] { state.withLockedValue { $0.commands } }

    /// Waits until at least `count` mails arrived (or `timeout` passed) and returns them.
    public func waitForMail(count: Int, timeout: Duration = .seconds(10)) async throws -> [Received] {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let mails = received
            if mails.count >= count { return mails }
            try await Task.sleep(for: .milliseconds(20))
        }
        return received
    }

    /// Stops listening and closes every open connection.
    public func shutdown() async {
        try? await serverChannel.close()
        for channel in state.withLockedValue({ $0.connections }) {
            try? await channel.close()
        }
        await acceptTask.value
    }

    fileprivate static func record(_ state: NIOLockedValueBox<State>, command: String) {
        state.withLockedValue { $0.commands.append(command) }
    }

    fileprivate static func takeTemporaryFailure(_ state: NIOLockedValueBox<State>) -> Bool {
        state.withLockedValue {
            guard $0.temporaryFailuresLeft > 0 else { return false }
            $0.temporaryFailuresLeft -= 1
            return true
        }
    }

    fileprivate static func accept(_ state: NIOLockedValueBox<State>, _ mail: Received) {
        state.withLockedValue { $0.received.append(mail) }
    }
}

/// One client's conversation with the sink.
private struct SinkConversation: Sendable {
    var behaviour: SMTPSink.Behaviour
    var state: NIOLockedValueBox<SMTPSink.State>
    var tls: NIOSSLContext
    var overTLS: Bool

    func run(
        channel: any Channel, inbound: NIOAsyncChannelInboundStream<ByteBuffer>,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    ) async throws {
        var lines = LineReader(iterator: inbound.makeAsyncIterator())
        var overTLS = self.overTLS
        var user: String?
        var mailFrom: String?
        var recipients: [String] = []
        func send(_ text: String) async throws { try await outbound.write(ByteBuffer(string: text + "\r\n")) }

        try await send("220 localhost ESMTP test sink")
        while let line = try await lines.next() {
            SMTPSink.record(state, command: line)
            let upper = line.uppercased()
            switch true {
            case upper.hasPrefix("EHLO"):
                var offers = ["250-localhost"]
                if !overTLS && (behaviour.mode == .starttls || behaviour.offerStartTLS) {
                    offers.append("250-STARTTLS")
                }
                if behaviour.credentials != nil {
                    offers.append("250-AUTH " + behaviour.authMechanisms.joined(separator: " "))
                }
                offers.append("250 8BITMIME")
                try await send(offers.joined(separator: "\r\n"))
            case upper.hasPrefix("HELO"):
                try await send("250 localhost")
            case upper == "STARTTLS":
                // The reply goes out in the clear and the TLS handler joins in the same event-loop turn, so nothing
                // of the reply is encrypted and nothing after it is not.
                let injected = behaviour.injectAfterStartTLS
                let tls = self.tls
                try await channel.eventLoop.submit {
                    let reply = "220 2.0.0 Ready to start TLS\r\n" + (injected ? "250 injected in the clear\r\n" : "")
                    channel.writeAndFlush(ByteBuffer(string: reply), promise: nil)
                    try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls), position: .first)
                }.get()
                overTLS = true
            case upper.hasPrefix("AUTH PLAIN"):
                var argument = String(line.dropFirst("AUTH PLAIN".count)).trimmingCharacters(in: .whitespaces)
                if argument.isEmpty {
                    try await send("334 ")
                    argument = try await lines.next() ?? ""
                }
                let parts = Data(base64Encoded: argument).map {
                    Array($0).split(separator: 0, omittingEmptySubsequences: false)
                }
                let given = parts.flatMap {
                    $0.count == 3
                        ? (String(decoding: $0[1], as: UTF8.self), String(decoding: $0[2], as: UTF8.self)) : nil
                }
                user = try await authenticate(given, send: send)
            case upper == "AUTH LOGIN":
                try await send("334 VXNlcm5hbWU6")
                let name = Data(base64Encoded: try await lines.next() ?? "").map { String(decoding: $0, as: UTF8.self) }
                try await send("334 UGFzc3dvcmQ6")
                let password = Data(base64Encoded: try await lines.next() ?? "").map {
                    String(decoding: $0, as: UTF8.self)
                }
                user = try await authenticate(name.flatMap { n in password.map { (n, $0) } }, send: send)
            case upper.hasPrefix("MAIL FROM:"):
                if behaviour.credentials != nil && user == nil {
                    try await send("530 5.7.0 Authentication required")
                } else {
                    mailFrom = Self.path(line)
                    recipients = []
                    try await send("250 2.1.0 OK")
                }
            case upper.hasPrefix("RCPT TO:"):
                let recipient = Self.path(line)
                if mailFrom == nil {
                    try await send("503 5.5.1 MAIL first")
                } else if behaviour.unknownRecipients.contains(recipient) {
                    try await send("550 5.1.1 No such user here")
                } else if SMTPSink.takeTemporaryFailure(state) {
                    try await send("451 4.3.0 Mailbox temporarily unavailable, try again later")
                } else {
                    recipients.append(recipient)
                    try await send("250 2.1.5 OK")
                }
            case upper == "DATA":
                guard let from = mailFrom, !recipients.isEmpty else {
                    try await send("503 5.5.1 RCPT first")
                    continue
                }
                try await send("354 End data with <CR><LF>.<CR><LF>")
                var data: [String] = []
                while let dataLine = try await lines.next(), dataLine != "." {
                    data.append(dataLine.hasPrefix(".") ? String(dataLine.dropFirst()) : dataLine)
                }
                if behaviour.acceptDelay > .zero { try await Task.sleep(for: behaviour.acceptDelay) }
                SMTPSink.accept(
                    state,
                    SMTPSink.Received(
                        mailFrom: from, recipients: recipients, data: data.joined(separator: "\r\n") + "\r\n",
                        user: user, overTLS: overTLS))
                mailFrom = nil
                recipients = []
                try await send("250 2.0.0 Queued")
            case upper == "RSET":
                mailFrom = nil
                recipients = []
                try await send("250 2.0.0 OK")
            case upper == "QUIT":
                try await send("221 2.0.0 Bye")
                return
            default:
                try await send("502 5.5.2 Command not recognised")
            }
        }
    }

    private func authenticate(_ given: (String, String)?, send: (String) async throws -> Void) async throws -> String? {
        if let given, let expected = behaviour.credentials, given.0 == expected.user, given.1 == expected.password {
            try await send("235 2.7.0 Authentication successful")
            return given.0
        }
        try await send("535 5.7.8 Authentication credentials invalid")
        return nil
    }

    /// The address inside `MAIL FROM:<…>` or `RCPT TO:<…>`.
    static func path(_ line: String) -> String {
        guard let open = line.firstIndex(of: "<"), let close = line.lastIndex(of: ">"), open < close else { return "" }
        return String(line[line.index(after: open)..<close])
    }
}

/// CRLF lines from a connection.
private struct LineReader {
    var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    var pending = ByteBuffer()

    mutating func next() async throws -> String? {
        while true {
            if let newline = pending.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
                var line = pending.readString(length: newline - pending.readerIndex) ?? ""
                pending.moveReaderIndex(forwardBy: 1)
                if line.hasSuffix("\r") { line.removeLast() }
                return line
            }
            guard var bytes = try await iterator.next() else { return nil }
            pending.writeBuffer(&bytes)
        }
    }
}
