import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// A small SMTP client (RFC 5321) over SwiftNIO: EHLO, STARTTLS or implicit TLS, AUTH PLAIN or LOGIN, then any
/// number of mails on one connection, and QUIT.
public struct SMTPClient: Sendable {
    public let settings: SMTPSettings
    let group: any EventLoopGroup

    public init(settings: SMTPSettings, eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.settings = settings
        self.group = eventLoopGroup
    }

    /// Sends one mail on its own connection.
    public func send(_ message: MailMessage) async throws {
        try await withSession { try await $0.send(message) }
    }

    /// Connects, greets and signs in, runs `body` with the open session, then says QUIT and closes. An error thrown
    /// by `body` closes the connection too.
    public func withSession<T: Sendable>(_ body: (SMTPSession) async throws -> T) async throws -> T {
        let tlsContext = try makeTLSContext()
        let channel = try await connect(tlsContext: settings.security == .tls ? tlsContext : nil)
        do {
            return try await channel.executeThenClose { inbound, outbound in
                let session = SMTPSession(
                    reader: SMTPReplyReader(inbound.makeAsyncIterator()), writer: outbound, channel: channel.channel,
                    settings: settings)
                try await session.open(tlsContext: tlsContext)
                let result: T
                do {
                    result = try await body(session)
                } catch {
                    throw FromBody(error: error)
                }
                await session.quit()
                return result
            }
        } catch let error as FromBody {
            // The caller's own errors (a database failing while it records a mail) pass through unchanged.
            throw error.error
        } catch {
            throw SMTPError.classify(error)
        }
    }

    /// An error thrown by the body of `withSession`, kept apart from the connection's.
    private struct FromBody: Error {
        var error: any Error
    }

    private func makeTLSContext() throws -> NIOSSLContext? {
        guard settings.security != .none else { return nil }
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        if let caFile = settings.caFile {
            configuration.additionalTrustRoots = [.file(caFile)]
        }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw SMTPError.tls("cannot use the certificates of UPR_SMTP_CA_FILE (\(error))")
        }
    }

    private func connect(tlsContext: NIOSSLContext?) async throws -> NIOAsyncChannel<SMTPInbound, ByteBuffer> {
        let host = settings.host
        let timeout = settings.replyTimeoutSeconds
        do {
            return try await ClientBootstrap(group: group)
                .connectTimeout(.seconds(Int64(settings.connectTimeoutSeconds)))
                .channelOption(.socketOption(.so_keepalive), value: 1)
                .connect(host: host, port: settings.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let tlsContext {
                            try channel.pipeline.syncOperations.addHandler(
                                NIOSSLClientHandler(context: tlsContext, serverHostname: SMTPSession.sniName(host)))
                        }
                        try channel.pipeline.syncOperations.addHandlers(
                            IdleStateHandler(readTimeout: .seconds(Int64(timeout))), SMTPInboundHandler())
                        return try NIOAsyncChannel<SMTPInbound, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw SMTPError.classify(error)
        }
    }
}

extension SMTPError {
    /// An SMTP error for whatever NIO or NIOSSL threw.
    public static func classify(_ error: any Error) -> SMTPError {
        if let smtp = error as? SMTPError { return smtp }
        if let refused = error as? NIOConnectionError {
            let reasons = refused.connectionErrors.map { String(describing: $0.error) }
            return .connection(
                "no connection to \(refused.host):\(refused.port) (\(reasons.isEmpty ? "no address" : reasons.joined(separator: "; ")))"
            )
        }
        if error is NIOSSLError || error is NIOSSLExtraError || error is BoringSSLError {
            return .tls(String(describing: error))
        }
        return .connection(String(describing: error))
    }
}
