import ArgumentParser
import Foundation
import UPRStore
import UPRWeb

/// `upr export`: the registry as CSV or JSON.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export recommendations as CSV or JSON.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json
    }

    @Option(help: "Output format.") var format: Format = .csv
    @Option(help: "Only recommendations to this state.") var state: String?
    @Option(help: "Write to this file instead of standard output.") var out: String?
    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let state = self.state
        let export = try await withApplication(database.settings()) { app in
            try await RecommendationExport.load(state: state, on: app.sql())
        }
        let data: Data
        switch format {
        case .csv:
            data = Data(export.csv().utf8)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            data = try encoder.encode(export.rows)
        }
        if let out {
            guard FileManager.default.createFile(atPath: out, contents: data) else {
                throw ValidationError("Cannot write \(out).")
            }
            printError("Wrote \(export.rows.count) records to \(out)")
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
