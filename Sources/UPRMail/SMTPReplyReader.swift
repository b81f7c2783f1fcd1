import NIOCore

/// Reads CRLF-terminated lines and whole replies from the connection.
struct SMTPReplyReader {
    var iterator: NIOAsyncChannelInboundStream<SMTPInbound>.AsyncIterator
    var pending = ByteBuffer()
    /// A reply line longer than this is not SMTP (RFC 5321 allows 512 octets).
    static let maximumLine = 4096

    init(_ iterator: NIOAsyncChannelInboundStream<SMTPInbound>.AsyncIterator) {
        self.iterator = iterator
    }

    /// The next reply, all its lines.
    mutating func reply() async throws -> SMTPReply {
        var lines: [String] = []
        while true {
            let line = try await readLine()
            guard let parsed = SMTPReply.parseLine(line) else {
                throw SMTPError.protocolViolation("not a reply line: \(line.prefix(80))")
            }
            lines.append(parsed.text)
            if parsed.isLast { return SMTPReply(code: parsed.code, lines: lines) }
            if lines.count > 100 { throw SMTPError.protocolViolation("a reply of more than 100 lines") }
        }
    }

    /// After STARTTLS: the next thing on the connection must be the finished handshake. Anything received before
    /// it was sent in the clear after the server's go-ahead, which an honest server never does.
    mutating func awaitTLS() async throws {
        guard pending.readableBytes == 0 else {
            throw SMTPError.protocolViolation("data in the clear after the STARTTLS reply")
        }
        switch try await next() {
        case .tlsEstablished: return
        case .bytes: throw SMTPError.protocolViolation("data in the clear after the STARTTLS reply")
        }
    }

    private mutating func next() async throws -> SMTPInbound {
        do {
            guard let element = try await iterator.next() else {
                throw SMTPError.connection("the server closed the connection")
            }
            return element
        } catch let error as SMTPError {
            throw error
        } catch {
            throw SMTPError.classify(error)
        }
    }

    private mutating func readLine() async throws -> String {
        while true {
            if let newline = pending.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
                let length = newline - pending.readerIndex
                var line = pending.readString(length: length) ?? ""
                pending.moveReaderIndex(forwardBy: 1)
                if line.hasSuffix("\r") { line.removeLast() }
                return line
            }
            guard pending.readableBytes <= Self.maximumLine else {
                throw SMTPError.protocolViolation("a reply line longer than \(Self.maximumLine) bytes")
            }
            switch try await next() {
            case .bytes(var bytes): pending.writeBuffer(&bytes)
            case .tlsEstablished: continue
            }
        }
    }
}
