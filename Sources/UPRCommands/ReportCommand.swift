import ArgumentParser
import Foundation
import UPRApp
import UPRLocalization
import UPRWeb

/// `upr report midterm`: the draft mid-term report of a state as DOCX or HTML.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Generate reports.", subcommands: [MidTerm.self])

    struct MidTerm: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "midterm",
            abstract:
                "The draft mid-term report of a state: per cluster, each recommendation with its response, responsible body, actions, and each stakeholder's assessment in the latest round."
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case docx, html
        }

        @Option(help: "The state under review.") var state: String
        @Option(help: "docx or html.") var format: Format = .docx
        @Option(help: "The cycle (default: the state's latest review).") var cycle: Int?
        @Option(help: "The report's language: en or mn.") var language: String = "en"
        @Flag(help: "Only published plan entries and closed assessment rounds (the public version).")
        var publishedOnly = false
        @Option(help: "Write to this file (default: standard output).") var out: String?
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            guard let language = Language(rawValue: language) else {
                throw ValidationError("--language must be en or mn.")
            }
            let format: MidTermReportFile.Format = self.format == .docx ? .docx : .html
            let (state, cycle, publishedOnly) = (self.state, self.cycle, self.publishedOnly)
            let data = try await withApplication(database.settings()) { app in
                try await MidTermReportFile.make(
                    state: state, cycle: cycle, format: format, language: language, publishedOnly: publishedOnly,
                    on: app.sql())
            }
            guard let data else {
                throw ValidationError(
                    "No review of \(state)\(cycle.map { " in cycle \($0)" } ?? "") is in the registry.")
            }
            if let out {
                guard FileManager.default.createFile(atPath: out, contents: data) else {
                    throw ValidationError("Cannot write \(out).")
                }
                printError("Wrote \(data.count) bytes to \(out)")
            } else {
                FileHandle.standardOutput.write(data)
            }
        }
    }
}
