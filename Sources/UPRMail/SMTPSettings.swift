import Foundation

/// Where and how to send mail. Read from `UPR_SMTP_*`; when `UPR_SMTP_HOST` is unset there is no mail at all and
/// reset links are only shown.
public struct SMTPSettings: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var security: SMTPSecurity
    public var username: String?
    public var password: String?
    /// The sender of every mail (`From`, and `MAIL FROM`).
    public var from: MailAddress
    /// PEM file of extra certificate authorities to trust (a ministry's own CA), beside the system's.
    public var caFile: String?
    /// The name this server gives in EHLO.
    public var heloName: String
    public var connectTimeoutSeconds: Int = 15
    /// How long to wait for each reply; RFC 5321 allows servers minutes, but a stuck server should not hold a worker.
    public var replyTimeoutSeconds: Int = 120

    public init(
        host: String, port: Int? = nil, security: SMTPSecurity = .starttls, username: String? = nil,
        password: String? = nil, from: MailAddress, caFile: String? = nil, heloName: String = "localhost"
    ) {
        self.host = host
        self.port = port ?? security.defaultPort
        self.security = security
        self.username = username
        self.password = password
        self.from = from
        self.caFile = caFile
        self.heloName = heloName
    }

    /// The settings the environment describes, nil when `UPR_SMTP_HOST` is unset; a clear error for an incomplete
    /// or invalid configuration, so that a typo stops the server at start instead of losing mail later.
    public static func fromEnvironment(_ environment: [String: String], heloName: String) throws -> SMTPSettings? {
        func value(_ name: String) -> String? {
            environment[name].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        guard let host = value("UPR_SMTP_HOST") else { return nil }
        var security = SMTPSecurity.starttls
        if let raw = value("UPR_SMTP_SECURITY") {
            guard let chosen = SMTPSecurity(rawValue: raw.lowercased()) else {
                throw SettingsError("UPR_SMTP_SECURITY must be none, starttls or tls, not “\(raw)”.")
            }
            security = chosen
        }
        var port: Int?
        if let raw = value("UPR_SMTP_PORT") {
            guard let number = Int(raw), (1...65535).contains(number) else {
                throw SettingsError("UPR_SMTP_PORT must be a port number, not “\(raw)”.")
            }
            port = number
        }
        guard let fromText = value("UPR_SMTP_FROM") else {
            throw SettingsError("UPR_SMTP_FROM (the sender address) is required when UPR_SMTP_HOST is set.")
        }
        guard let from = MailAddress.parse(fromText) else {
            throw SettingsError("UPR_SMTP_FROM is not a usable address: “\(fromText)”.")
        }
        let username = value("UPR_SMTP_USERNAME")
        let password = environment["UPR_SMTP_PASSWORD"]
        if username != nil && (password ?? "").isEmpty {
            throw SettingsError("UPR_SMTP_PASSWORD is required when UPR_SMTP_USERNAME is set.")
        }
        return SMTPSettings(
            host: host, port: port, security: security, username: username, password: username == nil ? nil : password,
            from: from, caFile: value("UPR_SMTP_CA_FILE"), heloName: heloName)
    }

    /// For logs: everything but the password.
    public var description: String {
        "smtp://\(username.map { $0 + "@" } ?? "")\(host):\(port) (\(security.rawValue)), from \(from.address)"
    }

    /// A configuration problem, worded for the person who sets the environment.
    public struct SettingsError: Error, CustomStringConvertible, Sendable {
        public var description: String
        init(_ description: String) { self.description = description }
    }
}
