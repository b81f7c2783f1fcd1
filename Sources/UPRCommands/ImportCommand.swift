import ArgumentParser
import Foundation
import UPRImport
import UPRStore
import UPRWeb

/// `upr import`: reads UPR Info exports and OHCHR thematic lists into the registry, all files or none.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import recommendation files (UPR Info CSV exports, OHCHR thematic lists in Word).",
        discussion: """
            Every file is read and checked before anything is written; any error leaves the database unchanged and \
            exits non-zero. Importing a file again updates changed records and creates no duplicates.
            """)

    enum FormatChoice: String, ExpressibleByArgument, CaseIterable {
        case auto
        case uprInfo = "upr-info"
        case ohchrDocx = "ohchr-docx"
    }

    @Argument(help: "Files to import.") var files: [String]
    @Option(help: "File format; auto detects it from the content.") var format: FormatChoice = .auto
    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let settings = try database.settings()
        let chosen: ImportFormat? = format == .auto ? nil : ImportFormat(rawValue: format.rawValue)
        let interactive = isatty(STDERR_FILENO) == 1
        let paths = files
        do {
            let summaries = try await withApplication(settings) { app in
                if interactive { printError("Reading \(paths.count) file(s)…") }
                return try await FileImport.run(
                    paths: paths, format: chosen, actor: "cli:\(NSUserName())", on: app.db,
                    progress: interactive ? ProgressBar.show : nil)
            }
            if interactive { printError("") }
            for summary in summaries {
                print(
                    "\(summary.fileName): \(summary.rowsRead) rows read (\(summary.format)); "
                        + "\(summary.created) created, \(summary.updated) updated, \(summary.unchanged) unchanged")
            }
            let total = summaries.reduce(into: (0, 0, 0)) {
                $0.0 += $1.created
                $0.1 += $1.updated
                $0.2 += $1.unchanged
            }
            print("Total: \(total.0) created, \(total.1) updated, \(total.2) unchanged")
        } catch let failure as FileImport.Failure {
            printError("Import failed, nothing was written: \(failure.description)")
            throw ExitCode(65)
        }
    }
}

/// A one-line progress bar on standard error, redrawn in place.
enum ProgressBar {
    @Sendable static func show(_ done: Int, _ total: Int) {
        guard total > 0 else { return }
        let width = 30
        let filled = min(width, done * width / total)
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(bar) \(done)/\(total) records".utf8))
    }
}
