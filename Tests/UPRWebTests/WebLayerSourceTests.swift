import Foundation
import Testing

/// What the web layer's sources may not hold: paths written outside the route table, SQL outside the store.
@Suite struct WebLayerSourceTests {
    /// The web layer's sources, found from this file (the tests run from the package).
    static var webSources: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/UPRWeb")
    }

    @Test("no template and no Swift file outside the table writes a path of the site")
    func noLiteralPaths() throws {
        let files = FileManager.default.enumerator(at: Self.webSources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }
            .filter { ["swift", "leaf"].contains($0.pathExtension) && $0.lastPathComponent != "Endpoint.swift" }
        #expect(files.count > 100)
        // An attribute that starts a path (`href="/`, and in Swift `href=\"/`), or a Swift string literal that does
        // (`"/plan`): each would be a path written twice.
        let attribute = try Regex(#"(href|action|src)=\\?"/"#)
        let literal = try Regex(#""/[A-Za-z]"#)
        var found: [String] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if line.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
                let swiftLiteral = file.pathExtension == "swift" && line.contains(literal)
                if line.contains(attribute) || swiftLiteral {
                    found.append(
                        "\(file.lastPathComponent):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    @Test("no page or handler runs SQL of its own: queries live in the store")
    func noSQLInTheWebLayer() throws {
        let files = FileManager.default.enumerator(at: Self.webSources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        let sql = try Regex(
            #"\b(sql|sql\(\))\.raw\(|\b(SELECT|INSERT INTO|UPDATE|DELETE FROM)\s+[a-z_*]|\.(insert\(into|update\("|delete\(from)"#
        )
        var found: [String] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") && line.contains(sql) {
                found.append("\(file.lastPathComponent):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }
}
