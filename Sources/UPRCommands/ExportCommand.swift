import ArgumentParser
import Foundation
import UPRApp
import UPRStore

/// `upr export`: the registry as CSV or JSON.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export recommendations as CSV or JSON.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json
        case matrixXlsx = "matrix-xlsx"
        case matrixCsv = "matrix-csv"
    }

    @Option(
        help:
            "Output format: the registry (csv, json) or the implementation plan of a state in the annex 8.1 layout (matrix-xlsx, matrix-csv)."
    )
    var format: Format = .csv
    @Option(help: "Only recommendations to this state (required for the matrix formats).") var state: String?
    @Option(help: "Write to this file instead of standard output.") var out: String?
    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let state = self.state
        if format == .matrixXlsx || format == .matrixCsv {
            guard let state else { throw ValidationError("--state is required for \(format.rawValue).") }
            let data = try await withApplication(database.settings()) { app in
                try await MatrixFile.export(state: state, xlsx: format == .matrixXlsx, on: app.sql())
            }
            try write(data, rows: nil)
            return
        }
        let export = try await withApplication(database.settings()) { app in
            try await RecommendationExport.load(state: state, on: app.sql())
        }
        let data: Data
        switch format {
        case .csv:
            data = Data(export.csv().utf8)
        case .json, .matrixXlsx, .matrixCsv:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            data = try encoder.encode(export.rows)
        }
        try write(data, rows: export.rows.count)
    }

    func write(_ data: Data, rows: Int?) throws {
        if let out {
            guard FileManager.default.createFile(atPath: out, contents: data) else {
                throw ValidationError("Cannot write \(out).")
            }
            printError("Wrote \(rows.map { "\($0) records" } ?? "\(data.count) bytes") to \(out)")
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
