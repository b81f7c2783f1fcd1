import FluentKit
import UPRDemo
import UPRStore
import UPRWeb
import Vapor

/// The composition of the application from its settings. The server, the commands and the tests all build it here,
/// so they run the same application: `database` for the commands (no templates, no routes), `configure` for the
/// whole site, `startJobs` for what a server runs beside it.
public enum UPRApplication {
    /// The database, registered with Fluent and migrated, and the password hasher: all a command needs.
    public static func database(_ app: Application, settings: AppSettings) async throws {
        app.settings = settings
        app.passwords.use(.bcrypt(cost: settings.bcryptCost))
        try DatabaseSetup.register(app, settings: settings)
        try await DatabaseSetup.prepare(app, settings: settings)
    }

    /// The whole site on its database, with the demo data when the settings ask for it.
    public static func configure(_ app: Application, settings: AppSettings) async throws {
        app.http.server.configuration.hostname = settings.hostname
        app.http.server.configuration.port = settings.port
        try await database(app, settings: settings)
        try SiteApplication.configure(app, site: settings.site)
        if settings.demo { try await loadDemo(app) }
    }

    /// The mail sender (when mail is configured), the webhook sender, the reminder loop and the import jobs, started
    /// with the server.
    public static func startJobs(_ app: Application) {
        app.startMailDelivery()
        app.startWebhookDelivery()
        app.startReminders()
        app.startImportJobs()
        SiteApplication.warmUp(app)
    }

    private static func loadDemo(_ app: Application) async throws {
        let hash = try await app.password.async.hash(DemoData.password)
        if try await DemoData.loadIfEmpty(on: app.db, passwordHash: hash) {
            // The tests build on the demo's plan without entries of their own; the served demo shows indicators.
            if app.environment != .testing {
                try await DemoIndicators.load(on: try app.sql())
                try await DemoDiscussion.load(on: try app.sql())
            }
            app.logger.notice("Loaded the demo data (Mongolia).")
        }
        app.logger.notice(
            "Demo accounts (password \(DemoData.password)): \(DemoData.accounts.map(\.email).joined(separator: ", "))"
        )
    }
}

extension Application {
    private struct SettingsKey: StorageKey { typealias Value = AppSettings }

    /// The settings the application was built with.
    public var settings: AppSettings {
        get { storage[SettingsKey.self] ?? AppSettings() }
        set { storage[SettingsKey.self] = newValue }
    }
}
