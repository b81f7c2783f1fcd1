import Foundation
import UPRMail
import UPRStore
import UPRWeb

/// Everything the application needs to start, in one value: defaults that work with no configuration, overridden by
/// the environment and then by command-line flags.
public struct AppSettings: Sendable {
    public var database: DatabaseLocation
    /// PostgreSQL schema to use instead of `public` (tests give each test its own).
    public var postgresSchema: String?
    public var hostname: String
    public var port: Int
    /// Load the demo data when the database has no recommendations yet.
    public var demo: Bool
    /// PostgreSQL connections per event loop (the pool is per server instance).
    public var postgresConnectionsPerLoop: Int = 4
    /// Mark cookies `Secure` (only sent over HTTPS). On by default when the public URL is https.
    public var secureCookies: Bool = false
    /// The address people use to reach the site, for links in mails and in `upr user reset`.
    public var publicURL: String = "http://127.0.0.1:8080"
    /// Work factor of password hashes; tests lower it to stay fast.
    public var bcryptCost: Int = 12
    /// Run migrations at start (the default); tests that share a migrated database turn it off.
    public var migrate: Bool
    /// How many recent search results each server keeps (checked against the database's registry version before
    /// each use); 0 turns the cache off.
    public var searchCacheSize: Int = 512
    /// Set by `upr import` for a SQLite file that does not exist yet. Filling a new file through a rollback journal
    /// writes each page once, where the write-ahead log writes it twice (log, then checkpoint); and nothing is
    /// synced to disk until `Application.makeDatabaseDurable()` ends the import with one synced commit. An
    /// application crash loses nothing written; an operating-system crash during that first import can leave the
    /// new file unusable, to be deleted and imported again. The next open switches the file to write-ahead logging.
    public var sqliteFillingNewFile = false
    /// The mail server; nil sends no mail (reset links are then only shown).
    public var smtp: SMTPSettings?
    /// Seconds between two looks at the mail outbox by `upr serve` (a new mail also wakes it at once).
    public var mailPollSeconds: Int = 30
    /// Seconds between two reminder and digest passes of `upr serve` (`UPR_REMINDER_POLL_SECONDS`). Each reminder
    /// goes out once whatever the interval; a shorter one only sends a day's reminders sooner after midnight.
    public var reminderPollSeconds: Int = 900
    /// The cosine at which the plan suggests a treaty body's or special procedure's recommendation as the same as a
    /// UPR one (`UPR_OTHER_MECHANISMS_THRESHOLD`, between 0 and 1).
    public var otherMechanismsThreshold: Double = OtherMechanisms.defaultMinimumScore
    /// The largest file the browser's import accepts, in bytes (`UPR_IMPORT_MAX_BYTES`).
    public var importMaxBytes: Int = 64 * 1024 * 1024
    /// From this size on (bytes, `UPR_IMPORT_JOB_BYTES`) an uploaded file is previewed and applied by a job of
    /// `upr serve` rather than within the request.
    public var importJobBytes: Int = 2 * 1024 * 1024
    /// Seconds between two looks at the import queue (`UPR_IMPORT_POLL_SECONDS`).
    public var importPollSeconds: Int = 2
    /// A running import job whose instance has not reported for this many seconds (`UPR_IMPORT_STALE_SECONDS`) is
    /// taken over by another: its instance stopped.
    public var importStaleSeconds: Int = 600
    /// Requests an API token may make per minute, counted over every instance (`UPR_API_RATE_PER_MINUTE`); past it
    /// the API answers 429 with `Retry-After`. 0 sets no limit.
    public var apiRequestsPerMinute: Int = 12_000
    /// Seconds between two looks at the webhook outbox by `upr serve` (`UPR_WEBHOOK_POLL_SECONDS`).
    public var webhookPollSeconds: Int = 5
    /// Seconds a webhook receiver may take to answer before the attempt counts as failed
    /// (`UPR_WEBHOOK_TIMEOUT_SECONDS`).
    public var webhookTimeoutSeconds: Int = 10

    public init(
        database: DatabaseLocation = .sqliteFile("upr.sqlite"), postgresSchema: String? = nil,
        hostname: String = "127.0.0.1", port: Int = 8080, demo: Bool = false, migrate: Bool = true
    ) {
        self.database = database
        self.postgresSchema = postgresSchema
        self.hostname = hostname
        self.port = port
        self.demo = demo
        self.migrate = migrate
    }

    /// Settings from the environment: `DATABASE_URL`, `UPR_HOSTNAME`, `UPR_PORT`, `UPR_PUBLIC_URL`,
    /// `UPR_SECURE_COOKIES`, `UPR_REMINDER_POLL_SECONDS`, `UPR_OTHER_MECHANISMS_THRESHOLD`, the `UPR_IMPORT_*`
    /// upload settings, `UPR_API_RATE_PER_MINUTE`, the `UPR_WEBHOOK_*` webhook settings and the `UPR_SMTP_*` mail
    /// settings.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> AppSettings
    {
        var settings = AppSettings()
        settings.database = try DatabaseLocation(parsing: environment["DATABASE_URL"])
        if let host = environment["UPR_HOSTNAME"], !host.isEmpty { settings.hostname = host }
        if let port = environment["UPR_PORT"].flatMap(Int.init) { settings.port = port }
        if let url = environment["UPR_PUBLIC_URL"], !url.isEmpty {
            settings.publicURL = url
            settings.secureCookies = url.lowercased().hasPrefix("https://")
        }
        if let secure = environment["UPR_SECURE_COOKIES"] { settings.secureCookies = secure == "1" || secure == "true" }
        if let size = environment["UPR_SEARCH_CACHE"].flatMap(Int.init), size >= 0 { settings.searchCacheSize = size }
        if let seconds = environment["UPR_REMINDER_POLL_SECONDS"].flatMap(Int.init), seconds > 0 {
            settings.reminderPollSeconds = seconds
        }
        // Like the other numbers here, a value that is not one (or not a cosine) leaves the default.
        if let threshold = environment["UPR_OTHER_MECHANISMS_THRESHOLD"].flatMap(Double.init), threshold > 0,
            threshold <= 1
        {
            settings.otherMechanismsThreshold = threshold
        }
        if let bytes = environment["UPR_IMPORT_MAX_BYTES"].flatMap(Int.init), bytes > 0 {
            settings.importMaxBytes = bytes
        }
        if let bytes = environment["UPR_IMPORT_JOB_BYTES"].flatMap(Int.init), bytes >= 0 {
            settings.importJobBytes = bytes
        }
        if let seconds = environment["UPR_IMPORT_POLL_SECONDS"].flatMap(Int.init), seconds > 0 {
            settings.importPollSeconds = seconds
        }
        if let seconds = environment["UPR_IMPORT_STALE_SECONDS"].flatMap(Int.init), seconds > 0 {
            settings.importStaleSeconds = seconds
        }
        if let rate = environment["UPR_API_RATE_PER_MINUTE"].flatMap(Int.init), rate >= 0 {
            settings.apiRequestsPerMinute = rate
        }
        if let seconds = environment["UPR_WEBHOOK_POLL_SECONDS"].flatMap(Int.init), seconds > 0 {
            settings.webhookPollSeconds = seconds
        }
        if let seconds = environment["UPR_WEBHOOK_TIMEOUT_SECONDS"].flatMap(Int.init), seconds > 0 {
            settings.webhookTimeoutSeconds = seconds
        }
        settings.smtp = try SMTPSettings.fromEnvironment(environment, heloName: settings.publicHost)
        return settings
    }

    /// What the web layer needs of these settings.
    public var site: SiteSettings {
        var site = SiteSettings(
            publicURL: publicURL, secureCookies: secureCookies, smtp: smtp, cacheSize: searchCacheSize,
            otherMechanismsThreshold: otherMechanismsThreshold)
        site.importMaxBytes = importMaxBytes
        site.importJobBytes = importJobBytes
        site.apiRequestsPerMinute = apiRequestsPerMinute
        return site
    }

    /// The host name of the public address (for EHLO and Message-ID), `localhost` when it has none.
    public var publicHost: String { site.publicHost }
}
