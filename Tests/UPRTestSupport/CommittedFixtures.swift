import Foundation
import UPRFileFormats

/// The real files committed under `Tests/<target>/Fixtures/`, read from the source tree so that a test target can
/// use another target's fixtures without a second copy of the bytes.
public enum CommittedFixtures {
    /// `Tests/`, found from this file's own path.
    private static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A fixture file of a test target, by name.
    public static func url(_ target: String, _ name: String) -> URL {
        testsDirectory.appendingPathComponent(target).appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    /// A fixture file's bytes; a missing fixture stops the run, since every test after it would fail for no reason.
    public static func data(_ target: String, _ name: String) -> Data {
        do {
            return try Data(contentsOf: url(target, name))
        } catch {
            fatalError("fixture \(target)/\(name) unreadable: \(error)")
        }
    }

    /// The five large UPR Info exports (13.6 MB of CSV, 2.6 MB zipped), keyed by their path inside the zip
    /// (`upr-info/raw/1-5.csv`); unpacked once per test run and shared.
    public static let uprInfoExports: [String: Data] = {
        do {
            let zip = try ZipReader(data("UPRImportTests", "upr-info-exports.zip"))
            var files: [String: Data] = [:]
            for path in zip.paths { files[path] = try zip.data(of: path) }
            return files
        } catch {
            fatalError("upr-info-exports.zip unreadable: \(error)")
        }
    }()

    public static var sessions01to16: Data { uprInfoExports["upr-info/recommendations-sessions-01-16.csv"] ?? Data() }
    public static var raw1to5: Data { uprInfoExports["upr-info/raw/1-5.csv"] ?? Data() }
    public static var raw6to9: Data { uprInfoExports["upr-info/raw/6-9.csv"] ?? Data() }
    public static var raw10to13: Data { uprInfoExports["upr-info/raw/10-13.csv"] ?? Data() }
    public static var pledges: Data { uprInfoExports["upr-info/voluntary-pledges.csv"] ?? Data() }
    /// A small UTF-8 export as UPR Info's site gives it today.
    public static var mongolia: Data { data("UPRImportTests", "mongolia_cycle1_session9_uprinfo.csv") }
}
