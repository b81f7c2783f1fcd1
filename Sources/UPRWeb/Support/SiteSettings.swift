import Foundation
import UPRMail
import UPRStore
import Vapor

/// What the web layer needs to know of the installation: where people reach it, whether cookies must be `Secure`,
/// whether mail is configured, and how many results each server keeps. The application's settings (`AppSettings`,
/// in `UPRApp`) make it; the web layer knows nothing of databases, flags or the environment.
public struct SiteSettings: Sendable {
    /// The address people use to reach the site, for links in mails and calendar feeds.
    public var publicURL: String
    /// Mark cookies `Secure` (only sent over HTTPS).
    public var secureCookies: Bool
    /// The mail server; nil sends no mail (reset links are then only shown).
    public var smtp: SMTPSettings?
    /// How many recent search results, dashboards and round pages each server keeps; 0 keeps none.
    public var cacheSize: Int
    /// The cosine at which a treaty body's or special procedure's recommendation is suggested as the same as a UPR
    /// one (`OtherMechanisms`).
    public var otherMechanismsThreshold: Double
    /// The largest file the browser's import accepts, in bytes.
    public var importMaxBytes = 64 * 1024 * 1024
    /// From this size on an uploaded file is previewed and applied by a job, not within the request.
    public var importJobBytes = 2 * 1024 * 1024
    /// Requests an API token may make per minute, over every instance; past it the API answers 429. 0: no limit.
    public var apiRequestsPerMinute = 12_000

    public init(
        publicURL: String = "http://127.0.0.1:8080", secureCookies: Bool = false, smtp: SMTPSettings? = nil,
        cacheSize: Int = 512, otherMechanismsThreshold: Double = OtherMechanisms.defaultMinimumScore
    ) {
        self.publicURL = publicURL
        self.secureCookies = secureCookies
        self.smtp = smtp
        self.cacheSize = cacheSize
        self.otherMechanismsThreshold = otherMechanismsThreshold
    }

    /// The host name of the public address (for UIDs and Message-IDs), `localhost` when it has none.
    public var publicHost: String {
        URL(string: publicURL)?.host ?? "localhost"
    }

    /// `path` on the site's public address, for links that leave the site (mails, calendar feeds).
    public func absolute(_ path: String) -> String {
        var base = publicURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }
}

extension Application {
    private struct SiteSettingsKey: StorageKey { typealias Value = SiteSettings }

    /// The web layer's settings, set when the application is composed.
    public var site: SiteSettings {
        get { storage[SiteSettingsKey.self] ?? SiteSettings() }
        set { storage[SiteSettingsKey.self] = newValue }
    }

    private struct MailWakeKey: StorageKey { typealias Value = @Sendable () -> Void }

    /// Asks this server's mail sender to send at once (after a mail was queued and committed). Set by the
    /// application's composition when it runs a sender; a no-op otherwise.
    public var wakeMailSender: @Sendable () -> Void {
        get { storage[MailWakeKey.self] ?? {} }
        set { storage[MailWakeKey.self] = newValue }
    }
}
