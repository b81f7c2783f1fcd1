import ArgumentParser
import Foundation
import UPRApp
import UPRImport
import UPRSpreadsheet
import UPRStore

/// `upr import`: reads UPR Info exports, OHCHR thematic lists and UHRI exports into the registry, all files or none.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Import recommendation files (UPR Info CSV exports, OHCHR thematic lists in Word, UHRI exports in XLSX or JSON).",
        discussion: """
            Every file is read and checked before anything is written; any error leaves the database unchanged and \
            exits non-zero. Importing a file again updates changed records and creates no duplicates.
            """)

    enum FormatChoice: String, ExpressibleByArgument, CaseIterable {
        case auto
        case uprInfo = "upr-info"
        case ohchrDocx = "ohchr-docx"
        case uhriXLSX = "uhri-xlsx"
        case uhriJSON = "uhri-json"
    }

    @Argument(help: "Files to import. A filled implementation-plan matrix (XLSX or CSV, annex 8.1) is recognised too.")
    var files: [String]
    @Option(help: "For a matrix: the state under review whose plan it is.") var state: String?
    @Option(help: "File format; auto detects it from the content.") var format: FormatChoice = .auto
    @OptionGroup var database: DatabaseOption

    func run() async throws {
        var settings = try database.settings()
        if case .sqliteFile(let path) = settings.database, !FileManager.default.fileExists(atPath: path) {
            settings.sqliteFillingNewFile = true
        }
        // A matrix is a small workbook or CSV that no registry format claims; a UHRI JSON export can be 400 MB
        // and is never read whole here.
        if let first = files.first, files.count == 1, format == .auto,
            (try? FileImport.streamedFormat(path: first, name: first, format: nil)) != true,
            let data = FileManager.default.contents(atPath: first),
            (try? ImportFormat.detect(data: data, fileName: first)) == nil, MatrixFile.looksLikeMatrix(data)
        {
            try await importMatrix(data, fileName: URL(fileURLWithPath: first).lastPathComponent, settings: settings)
            return
        }
        let chosen: ImportFormat? = format == .auto ? nil : ImportFormat(rawValue: format.rawValue)
        let interactive = isatty(STDERR_FILENO) == 1
        let paths = files
        if interactive { printError("Reading \(paths.count) file(s)…") }
        // The files are read and parsed while the database is opened and migrated: neither waits for the other.
        let parsing = Task { try FileImport.sources(paths: paths, format: chosen) }
        do {
            let summaries = try await withApplication(settings) { app in
                let summaries = try await RecordWriter.write(
                    sources: parsing.value, actor: "cli:\(NSUserName())", on: app.db,
                    progress: interactive ? ProgressBar.show : nil)
                try await app.makeDatabaseDurable()
                return summaries
            }
            if interactive { printError("") }
            for summary in summaries {
                print(
                    "\(summary.fileName): \(summary.rowsRead) rows read (\(summary.format)); "
                        + "\(summary.created) created, \(summary.updated) updated, \(summary.unchanged) unchanged")
                for warning in summary.warnings { print("  warning: \(warning)") }
                if !summary.termsAdded.isEmpty {
                    print("  terms added: \(summary.termsAdded.joined(separator: "; "))")
                }
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

extension ImportCommand {
    /// Applies a filled matrix: every row or none; problems are listed by row and nothing is written.
    func importMatrix(_ data: Data, fileName: String, settings: AppSettings) async throws {
        let document: MatrixDocument
        do {
            document = try ImplementationMatrix.read(data, fileName: fileName)
        } catch {
            printError("Import failed, nothing was written: \(error.description)")
            throw ExitCode(65)
        }
        guard let state = state ?? document.title?.components(separatedBy: " – ").last else {
            throw ValidationError("Say whose plan this is with --state.")
        }
        let result = try await withApplication(settings) { app in
            try await app.db.transaction { database in
                let sql = try database.sqlDatabase()
                let plan = try await MatrixTransfer.plan(document, state: state, actor: nil, on: sql)
                guard plan.errors.isEmpty else { return (plan, (created: 0, updated: 0)) }
                return (plan, try await MatrixTransfer.apply(plan, userID: nil, actor: "cli:\(NSUserName())", on: sql))
            }
        }
        if !result.0.errors.isEmpty {
            for error in result.0.errors {
                printError("\(fileName), row \(error.row) (\(error.reference)): \(error.messageKey) \(error.arguments)")
            }
            printError("Import failed, nothing was written.")
            throw ExitCode(65)
        }
        print(
            "\(fileName): \(result.1.created) plan entries created, \(result.1.updated) updated, \(result.0.unchanged) unchanged"
        )
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
