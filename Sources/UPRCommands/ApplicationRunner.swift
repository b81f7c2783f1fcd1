import Foundation
import UPRApp
import Vapor

/// Runs `body` with an application whose database is ready (migrated), then shuts it down. Only the database is
/// set up: a command needs no templates, routes or caches.
func withApplication<T: Sendable>(
    _ settings: AppSettings, _ body: @Sendable (Application) async throws -> T
) async throws -> T {
    var environment = Environment(name: "production", arguments: ["upr"])
    environment.arguments = ["upr"]
    let app = try await Application.make(environment)
    app.logger.logLevel = .warning
    do {
        try await UPRApplication.database(app, settings: settings)
        let result = try await body(app)
        try await app.asyncShutdown()
        return result
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
}

/// Writes to standard error (progress and diagnostics), keeping standard output for results.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Runs the web server until it is stopped (SIGINT or SIGTERM).
func runServer(_ settings: AppSettings) async throws {
    let environment = Environment(
        name: "production",
        arguments: ["upr", "serve", "--hostname", settings.hostname, "--port", String(settings.port)])
    let app = try await Application.make(environment)
    do {
        try await UPRApplication.configure(app, settings: settings)
        UPRApplication.startJobs(app)
        app.logger.notice("UPR Tracker on \(settings.database) at http://\(settings.hostname):\(settings.port)")
        try await app.execute()
        try await app.asyncShutdown()
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
}
