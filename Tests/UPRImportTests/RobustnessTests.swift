import Foundation
import Testing
import UPRImport
import UPRTestSupport

/// No input makes the importer crash or trap: it parses or throws an `ImportError` for the right file.
@Suite("Robustness")
struct RobustnessTests {
    private func survives(_ data: Data, _ name: String, format: ImportFormat? = nil) -> Result<ParsedFile, ImportError>
    {
        do {
            return .success(try Importer.parse(data: data, fileName: name, format: format))
        } catch {
            #expect(error.file == name)
            #expect(!error.message.isEmpty)
            return .failure(error)
        }
    }

    @Test("random bytes, with and without a zip signature, in every format")
    func randomBytes() {
        var generator = SeededGenerator(seed: 2015)
        for length in [1, 2, 3, 21, 22, 23, 100, 1000, 20_000] {
            for prefix: [UInt8] in [[], [0x50, 0x4B, 0x03, 0x04], [0x50, 0x4B, 0x05, 0x06], Array("To,Text,".utf8)] {
                let bytes = prefix + (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
                for format in [nil, ImportFormat.uprInfo, .ohchrDocx] {
                    if case .success = survives(Data(bytes), "random.bin", format: format) {
                        Issue.record("random bytes parsed as \(String(describing: format))")
                    }
                }
            }
        }
    }

    @Test("a zip end record whose offsets point past the end of the data")
    func hostileZipDirectory() {
        var generator = SeededGenerator(seed: 48)
        for _ in 0..<300 {
            var end: [UInt8] = [0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0]
            end += (0..<14).map { _ in UInt8.random(in: 0...255, using: &generator) }
            end[20] = 0
            end[21] = 0
            let bytes = [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 40) + end
            if case .success = survives(Data(bytes), "hostile.docx") { Issue.record("hostile zip parsed") }
        }
    }

    @Test("Mongolia's export cut at every 997th byte")
    func truncatedExport() {
        let whole = CommittedFixtures.mongolia
        for cut in stride(from: 0, to: whole.count, by: 997) {
            switch survives(whole.prefix(cut), "cut.csv") {
            case .success(let parsed): #expect(parsed.records.count <= 129)
            case .failure: break
            }
        }
    }

    @Test("the big export cut at 12 points keeps every complete row before the cut or names the broken row")
    func truncatedBigExport() {
        let whole = CommittedFixtures.raw1to5
        for cut in stride(from: 997, to: whole.count, by: whole.count / 12) {
            let prefix = whole.prefix(cut)
            // The file has bare CR line ends and no line breaks inside fields: lines are rows.
            let completeRows = prefix.filter { $0 == 0x0D }.count - 1
            switch survives(prefix, "1-5.csv") {
            case .success(let parsed):
                // A cut that leaves the last row with all its fields (inside Session or Issue) still reads it.
                #expect(parsed.rowCount == completeRows || parsed.rowCount == completeRows + 1, "cut at \(cut)")
            case .failure(let error):
                #expect(error.row == completeRows + 2, "cut at \(cut)")
            }
        }
    }

    @Test("every thematic list cut at every 997th byte", arguments: Fixtures.thematicLists)
    func truncatedDocx(_ file: String) {
        let whole = Fixtures.data(file)
        for cut in stride(from: 0, to: whole.count, by: 997) {
            if case .success = survives(whole.prefix(cut), file) { Issue.record("truncated \(file) at \(cut) parsed") }
        }
    }

    @Test("bytes of a thematic list flipped at random")
    func flippedDocx() {
        var generator = SeededGenerator(seed: 34)
        let whole = [UInt8](Fixtures.data("slovenia-cycle3-session34.docx"))
        for _ in 0..<150 {
            var bytes = whole
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            _ = survives(Data(bytes), "flipped.docx")
        }
    }

    @Test("bytes of an export flipped at random")
    func flippedExport() {
        var generator = SeededGenerator(seed: 9)
        let whole = [UInt8](CommittedFixtures.mongolia)
        for _ in 0..<200 {
            var bytes = whole
            for _ in 0..<Int.random(in: 1...5, using: &generator) {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            _ = survives(Data(bytes), "flipped.csv")
        }
    }
}
