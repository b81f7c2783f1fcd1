import Foundation
import UPRImport
import UPRTestSupport

/// The real files the tests read, committed under `Fixtures/` with their bytes unchanged.
///
/// The five large UPR Info exports travel in one zip, unpacked once per run by `CommittedFixtures`.
enum Fixtures {
    /// A fixture file by name, as bytes.
    static func data(_ name: String) -> Data { CommittedFixtures.data("UPRImportTests", name) }

    static let thematicLists = [
        "slovenia-cycle2-session20.docx", "egypt-cycle2-session20.docx", "slovenia-cycle3-session34.docx",
        "slovenia-cycle4-session48.docx",
    ]

    /// Parsed once and shared: the big export takes a noticeable time in a debug build.
    static let parsed01to16: ParsedFile = parse(CommittedFixtures.sessions01to16, "recommendations-sessions-01-16.csv")

    static func parse(_ data: Data, _ fileName: String) -> ParsedFile {
        do {
            return try Importer.parse(data: data, fileName: fileName)
        } catch {
            fatalError("\(fileName) did not parse: \(error)")
        }
    }
}
