import ArgumentParser
import Foundation
import UPRApp
import UPRStore

/// `--database`, shared by every command that touches storage.
struct DatabaseOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "SQLite file path or postgres:// URL (default: $DATABASE_URL, else upr.sqlite in the working directory).",
            valueName: "PATH|URL"))
    var database: String?

    func settings() throws -> AppSettings {
        var settings = try AppSettings.fromEnvironment()
        if let database { settings.database = try DatabaseLocation(parsing: database) }
        return settings
    }
}
