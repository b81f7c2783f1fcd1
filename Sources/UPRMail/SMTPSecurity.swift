/// How the connection to the mail server is protected (`UPR_SMTP_SECURITY`).
public enum SMTPSecurity: String, Sendable, CaseIterable {
    /// Plain text: only for a relay on the same machine or a trusted network.
    case none
    /// Plain connection upgraded with STARTTLS before anything else is said; refused if the server does not offer it.
    case starttls
    /// TLS from the first byte ("SMTPS", usually port 465).
    case tls

    /// The port each mode usually uses.
    public var defaultPort: Int {
        switch self {
        case .none: 25
        case .starttls: 587
        case .tls: 465
        }
    }
}
