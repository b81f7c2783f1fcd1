import Foundation
import Testing
import UPRFileFormats
import UPRImport
import UPRTestSupport

/// Every way a UPR Info export can be wrong gives an error that names the file, the row, the column and the fault.
@Suite("UPR Info export errors")
struct UPRInfoErrorTests {
    /// Mongolia's real header and first three rows, CRLF as in the file; tests break one thing at a time.
    private static let lines: [String] = {
        let text = String(decoding: CommittedFixtures.mongolia, as: UTF8.self)
        return text.components(separatedBy: "\r\n").prefix(4).map { $0 }
    }()

    private func csv(_ lines: [String]) -> Data { Data((lines.joined(separator: "\r\n") + "\r\n").utf8) }

    /// Replaces field `column` of data row `index` (1-based among data rows) in Mongolia's first rows.
    private func withField(_ column: Int, of index: Int, setTo value: String) throws -> Data {
        var lines = Self.lines
        var reader = CSVReader(bytes: Array(lines[index].utf8))
        var fields = try #require(try reader.nextRecord())
        fields[column] = value
        lines[index] = fields.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(
            separator: ",")
        return csv(lines)
    }

    private func parseError(_ data: Data, _ name: String = "mongolia.csv", format: ImportFormat? = nil) -> ImportError?
    {
        do {
            _ = try Importer.parse(data: data, fileName: name, format: format)
            return nil
        } catch {
            return error
        }
    }

    @Test("the unmodified excerpt parses")
    func baseline() throws {
        let parsed = try Importer.parse(data: csv(Self.lines), fileName: "mongolia.csv")
        #expect(parsed.rowCount == 3)
        #expect(parsed.records.count == 3)
    }

    @Test("an empty file")
    func emptyFile() {
        #expect(parseError(Data()) == ImportError(file: "mongolia.csv", message: "the file is empty"))
        #expect(
            parseError(Data(), format: .uprInfo) == ImportError(file: "mongolia.csv", message: "the file is empty"))
        #expect(
            parseError(Data(), format: .ohchrDocx) == ImportError(file: "mongolia.csv", message: "the file is empty"))
    }

    @Test("a header without Session names the missing column")
    func missingColumn() {
        let header = "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue"
        let error = parseError(csv([header, "Mongolia,Asia,,Ratify CAT,France,WEOG,EU,Accepted,5,Torture"]))
        #expect(
            error?.description
                == "mongolia.csv, row 1, column Session: required column missing from the header row; expected To, "
                + "To-Rgrp, To-Org, Text, From, From-Rgrp, From-Org, Response, Action, Issue, Session (the first row "
                + "has To, To-Rgrp, To-Org, Text, From, From-Rgrp, From-Org, Response, Action, Issue)")
        #expect(error?.row == 1)
        #expect(error?.column == "Session")
    }

    @Test("a file whose header row is missing")
    func headerMissing() {
        let dataOnly = csv(Array(Self.lines.dropFirst()))
        #expect(
            parseError(dataOnly)
                == ImportError(
                    file: "mongolia.csv",
                    message: "not a UPR Info export, an OHCHR thematic list or a UHRI export (XLSX or JSON)"))
        // Told it is an export, the parser names every required column it could not find.
        let error = parseError(dataOnly, format: .uprInfo)
        #expect(error?.row == 1)
        #expect(error?.column == "To, Text, From, Response, Session")
    }

    @Test("a row with a field too few")
    func wrongFieldCount() {
        var lines = Self.lines
        lines[2] = "Mongolia,Asia,,Ratify CAT,France,WEOG,EU,Accepted,5,9"
        #expect(
            parseError(csv(lines))
                == ImportError(
                    file: "mongolia.csv", row: 3, message: "expected 11 fields as in the header row, found 10"))
    }

    @Test("a truncated file ends inside a quoted field")
    func truncated() {
        let whole = Array(CommittedFixtures.mongolia)
        // Cut in the middle of row 3's quoted Text.
        let cut =
            String(decoding: whole, as: UTF8.self).components(separatedBy: "\r\n").prefix(2).joined(separator: "\r\n")
            + "\r\nMongolia,Asia,,\"Consider ratifying the Optional"
        let error = parseError(Data(cut.utf8))
        #expect(
            error
                == ImportError(
                    file: "mongolia.csv", row: 3, column: "Text",
                    message: "quoted field is not closed before the end of the file (the file may be truncated)"))
    }

    @Test("empty recommendation text")
    func emptyText() throws {
        #expect(
            parseError(try withField(3, of: 2, setTo: "   "))
                == ImportError(
                    file: "mongolia.csv", row: 3, column: "Text", message: "the recommendation text is empty"))
    }

    @Test("empty state under review")
    func emptyState() throws {
        #expect(
            parseError(try withField(0, of: 1, setTo: ""))
                == ImportError(file: "mongolia.csv", row: 2, column: "To", message: "the state under review is empty"))
    }

    @Test("an unknown response")
    func unknownResponse() throws {
        let error = parseError(try withField(7, of: 1, setTo: "Maybe"), "1-5.csv")
        #expect(
            error?.description
                == "1-5.csv, row 2, column Response: unknown response “Maybe”; expected Accepted, Noted or Supported")
    }

    @Test(
        "a session that is not a positive whole number",
        arguments: ["0", "-3", "9.5", "nine", "", "99999999999999999999"])
    func badSession(_ value: String) throws {
        #expect(
            parseError(try withField(10, of: 3, setTo: value))
                == ImportError(
                    file: "mongolia.csv", row: 4, column: "Session",
                    message: "the session must be a positive whole number, found “\(value)”"))
    }

    @Test("an action category outside 1-5", arguments: ["0", "6", "x", "4.5"])
    func badAction(_ value: String) throws {
        #expect(
            parseError(try withField(8, of: 2, setTo: value))
                == ImportError(
                    file: "mongolia.csv", row: 3, column: "Action",
                    message: "the action category must be 1 to 5 or empty, found “\(value)”"))
    }

    @Test("an empty action category is allowed")
    func emptyAction() throws {
        let parsed = try Importer.parse(data: try withField(8, of: 2, setTo: ""), fileName: "mongolia.csv")
        #expect(parsed.records[1].actionCategory == nil)
        #expect(parsed.records[0].actionCategory == .specific)
    }

    @Test("binary garbage, told or not that it is an export")
    func garbage() {
        var generator = SeededGenerator(seed: 7)
        let bytes = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let expected = ImportError(
            file: "x.csv", message: "not a UPR Info export, an OHCHR thematic list or a UHRI export (XLSX or JSON)")
        #expect(parseError(bytes, "x.csv") == expected)
        #expect(parseError(bytes, "x.csv", format: .uprInfo) == expected)
    }
}
