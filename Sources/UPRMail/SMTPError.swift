/// Why a mail could not be handed to the server. Descriptions name the step and quote the server's reply; they
/// never contain the password.
public enum SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server could not be reached, or closed the connection.
    case connection(String)
    /// The server did not answer in time.
    case timeout
    /// The server answered a step with an error code (4xx: try later; 5xx: refused).
    case rejected(step: String, code: Int, message: String)
    /// The server said something that is not SMTP, or sent data where none may come.
    case protocolViolation(String)
    /// `starttls` is configured but the server does not offer STARTTLS (the mail is not sent in the clear).
    case startTLSUnavailable
    /// A user name is configured but the server offers neither AUTH PLAIN nor AUTH LOGIN.
    case authenticationUnavailable
    /// An address that cannot be used in an SMTP command.
    case invalidAddress(String)
    /// The TLS handshake or certificate check failed.
    case tls(String)

    /// True when trying the same mail again cannot help: the server refused this recipient or this message (5xx
    /// after MAIL FROM), or the address is unusable. Failures before that (connection, sign-in, a 5xx to EHLO) are
    /// the server's or the configuration's, and are retried once they may have been fixed.
    public var isPermanent: Bool {
        switch self {
        case .rejected(let step, let code, _): code >= 500 && ["RCPT TO", "DATA", "message"].contains(step)
        case .invalidAddress: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .connection(let detail): "Could not talk to the mail server: \(detail)"
        case .timeout: "The mail server did not answer in time."
        case .rejected(let step, let code, let message):
            "The mail server refused \(step) with \(code)\(message.isEmpty ? "" : ": " + message)"
        case .protocolViolation(let detail): "The mail server broke the SMTP protocol: \(detail)"
        case .startTLSUnavailable:
            "The mail server does not offer STARTTLS, and UPR_SMTP_SECURITY=starttls forbids sending in the clear."
        case .authenticationUnavailable:
            "The mail server offers neither AUTH PLAIN nor AUTH LOGIN, but a user name is configured."
        case .invalidAddress(let address): "Not a usable mail address: \(address)"
        case .tls(let detail): "The TLS connection to the mail server failed: \(detail)"
        }
    }
}
