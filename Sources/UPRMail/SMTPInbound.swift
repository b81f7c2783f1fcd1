import NIOCore
import NIOTLS

/// What the conversation reads from the connection: bytes, or the moment TLS is established. The marker travels in
/// the same ordered stream as the bytes, so bytes that arrived before the handshake (plaintext injected after
/// STARTTLS) can be told apart from bytes that arrived after it.
enum SMTPInbound: Sendable {
    case bytes(ByteBuffer)
    case tlsEstablished
}

/// Turns the pipeline's reads and events into `SMTPInbound`, and a read timeout into an error.
final class SMTPInboundHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = SMTPInbound

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireChannelRead(wrapInboundOut(.bytes(unwrapInboundIn(data))))
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted = event as? TLSUserEvent {
            context.fireChannelRead(wrapInboundOut(.tlsEstablished))
            // The async channel hands reads over at read-complete, which NIOSSL does not send for a read that only
            // finished the handshake: without this, the marker would wait for the next data from the server.
            context.fireChannelReadComplete()
        } else if case .read = event as? IdleStateHandler.IdleStateEvent {
            context.fireErrorCaught(SMTPError.timeout)
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }
}
