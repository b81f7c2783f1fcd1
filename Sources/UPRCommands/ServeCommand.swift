import ArgumentParser
import UPRApp

/// `upr serve`: runs the web application.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the web application (pages and JSON API).")

    @Option(help: "Address to listen on.") var hostname: String?
    @Option(help: "Port to listen on.") var port: Int?
    @OptionGroup var database: DatabaseOption
    @Flag(help: "Load the demo data (Mongolia) when the database holds no recommendations.") var demo = false

    func run() async throws {
        var settings = try database.settings()
        if let hostname { settings.hostname = hostname }
        if let port { settings.port = port }
        settings.demo = demo
        try await runServer(settings)
    }
}
