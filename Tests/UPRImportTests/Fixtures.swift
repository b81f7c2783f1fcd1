import Foundation
import UPRImport

/// The real files the tests read, committed under `Fixtures/` with their bytes unchanged.
///
/// The five large UPR Info exports travel in one zip (13.6 MB of CSV, 2.6 MB zipped); each is unpacked once per test
/// run and shared.
enum Fixtures {
    static let directory: URL = {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            fatalError("Fixtures folder missing from the test bundle")
        }
        return url
    }()

    /// A fixture file by name, as bytes.
    static func data(_ name: String) -> Data {
        do {
            return try Data(contentsOf: directory.appendingPathComponent(name))
        } catch {
            fatalError("fixture \(name) unreadable: \(error)")
        }
    }

    /// The UPR Info exports, keyed by their path inside the zip (`upr-info/raw/1-5.csv`).
    static let exports: [String: Data] = {
        do {
            let zip = try ZipArchiveReader(data: data("upr-info-exports.zip"))
            var files: [String: Data] = [:]
            for path in zip.entryPaths { files[path] = try zip.data(of: path) }
            return files
        } catch {
            fatalError("upr-info-exports.zip unreadable: \(error)")
        }
    }()

    static var sessions01to16: Data { exports["upr-info/recommendations-sessions-01-16.csv"] ?? Data() }
    static var raw1to5: Data { exports["upr-info/raw/1-5.csv"] ?? Data() }
    static var raw6to9: Data { exports["upr-info/raw/6-9.csv"] ?? Data() }
    static var raw10to13: Data { exports["upr-info/raw/10-13.csv"] ?? Data() }
    static var pledges: Data { exports["upr-info/voluntary-pledges.csv"] ?? Data() }
    static var mongolia: Data { data("mongolia_cycle1_session9_uprinfo.csv") }

    static let thematicLists = [
        "slovenia-cycle2-session20.docx", "egypt-cycle2-session20.docx", "slovenia-cycle3-session34.docx",
        "slovenia-cycle4-session48.docx",
    ]

    /// Parsed once and shared: the big export takes a noticeable time in a debug build.
    static let parsed01to16: ParsedFile = parse(sessions01to16, "recommendations-sessions-01-16.csv")

    static func parse(_ data: Data, _ fileName: String) -> ParsedFile {
        do {
            return try Importer.parse(data: data, fileName: fileName)
        } catch {
            fatalError("\(fileName) did not parse: \(error)")
        }
    }
}
