import Foundation
import Testing
import UPRDomain
import UPRFileFormats
import UPRImport
import UPRTestSupport

/// Counts derived independently with Python's csv module (scripts kept with the report): rows, records after
/// grouping on (To, Session, whitespace-normalised Text), responses of the first row of each record, records with
/// more than one recommending state, and rows whose From is "&#40;Unknown&#41;".
struct ExportExpectation: Sendable, CustomTestStringConvertible {
    var path: String
    var rows: Int
    var records: Int
    var supported: Int
    var noted: Int
    var pledges: Int
    var multiStateRecords: Int
    var recordsWithoutState: Int
    var encoding: SourceEncoding
    var testDescription: String { path }

    static let all: [ExportExpectation] = [
        .init(
            path: "upr-info/recommendations-sessions-01-16.csv", rows: 30_258, records: 29_304, supported: 21_886,
            noted: 7_418, pledges: 0, multiStateRecords: 582, recordsWithoutState: 9, encoding: .utf8),
        .init(
            path: "upr-info/raw/1-5.csv", rows: 6_094, records: 5_643, supported: 3_821, noted: 1_822, pledges: 0,
            multiStateRecords: 284, recordsWithoutState: 9, encoding: .macRoman),
        .init(
            path: "upr-info/raw/6-9.csv", rows: 8_343, records: 8_177, supported: 6_107, noted: 2_070, pledges: 0,
            multiStateRecords: 107, recordsWithoutState: 0, encoding: .macRoman),
        .init(
            path: "upr-info/raw/10-13.csv", rows: 9_047, records: 8_894, supported: 6_891, noted: 2_003, pledges: 0,
            multiStateRecords: 93, recordsWithoutState: 0, encoding: .macRoman),
        .init(
            path: "upr-info/voluntary-pledges.csv", rows: 947, records: 945, supported: 945, noted: 0, pledges: 945,
            multiStateRecords: 0, recordsWithoutState: 0, encoding: .macRoman),
        .init(
            path: "mongolia_cycle1_session9_uprinfo.csv", rows: 131, records: 129, supported: 126, noted: 3, pledges: 0,
            multiStateRecords: 2, recordsWithoutState: 0, encoding: .utf8),
    ]

    var data: Data { CommittedFixtures.uprInfoExports[path] ?? Fixtures.data(path) }
    var fileName: String { (path as NSString).lastPathComponent }
}

@Suite("UPR Info exports")
struct UPRInfoExportParserTests {
    @Test("rows, records and responses of every real export", arguments: ExportExpectation.all)
    func counts(_ expected: ExportExpectation) throws {
        let parsed =
            expected.rows > 30_000
            ? Fixtures.parsed01to16 : try Importer.parse(data: expected.data, fileName: expected.fileName)
        #expect(parsed.format == .uprInfo)
        #expect(parsed.fileName == expected.fileName)
        #expect(parsed.rowCount == expected.rows)
        #expect(parsed.records.count == expected.records)
        // The store keys records by `naturalKey`; within one file no two records may share one.
        #expect(Set(parsed.records.map(\.naturalKey)).count == expected.records)
        #expect(parsed.records.filter { $0.response == .supported }.count == expected.supported)
        #expect(parsed.records.filter { $0.response == .noted }.count == expected.noted)
        #expect(parsed.records.filter { $0.kind == .voluntaryPledge }.count == expected.pledges)
        #expect(parsed.records.filter { $0.recommendingStates.count > 1 }.count == expected.multiStateRecords)
        #expect(parsed.records.filter(\.recommendingStates.isEmpty).count == expected.recordsWithoutState)
        // Every row is in exactly one record's provenance, numbered as in the file (header = row 1).
        let rows = parsed.records.flatMap(\.provenance).map(\.row).sorted()
        #expect(rows == Array(2...(expected.rows + 1)))
        #expect(parsed.records.allSatisfy { $0.mechanism == .upr && $0.cycle == $0.session.flatMap(Cycle.of) })
        #expect(LegacyTextDecoding.detect(expected.data) == expected.encoding)
        let encodingWarning = parsed.warnings.contains { $0.hasPrefix("read as Mac Roman") }
        #expect(encodingWarning == (expected.encoding == .macRoman))
    }

    @Test("accepted and noted rows of the 01-16 export")
    func rowResponses() {
        // 22,421 Accepted rows and 7,837 Noted rows: count each row by the response of the record it joined, except
        // for the one conflicting record, where rows 29285 and 29286 say Noted but the record keeps Accepted.
        let records = Fixtures.parsed01to16.records
        let supportedRows = records.filter { $0.response == .supported }.map(\.provenance.count).reduce(0, +)
        let notedRows = records.filter { $0.response == .noted }.map(\.provenance.count).reduce(0, +)
        #expect(supportedRows == 22_421 + 2)
        #expect(notedRows == 7_837 - 2)
    }

    @Test("the first record of the 01-16 export, field by field")
    func firstRecord() throws {
        let record = try #require(Fixtures.parsed01to16.records.first)
        #expect(record.kind == .recommendation)
        #expect(record.stateUnderReview == "Afghanistan")
        #expect(record.regionalGroup == "Asia")
        #expect(record.session == 5)
        #expect(record.cycle == 1)
        #expect(record.recommendingStates == ["Austria"])
        #expect(record.response == .supported)
        #expect(record.actionCategory == .specific)
        #expect(record.issues == ["Rights of the Child", "Women's rights"])
        #expect(record.text.hasPrefix("Enact legislation and take effective measures to protect and promote w"))
        #expect(record.paragraph == nil && record.reportSymbol == nil)
        #expect(record.provenance == [Provenance(file: "recommendations-sessions-01-16.csv", row: 2)])
    }

    @Test("a joint recommendation of 13 states is one record with every state and row")
    func jointRecommendation() throws {
        let record = try #require(
            Fixtures.parsed01to16.records.first { $0.provenance.first?.row == 15_221 })
        #expect(record.stateUnderReview == "Belgium")
        #expect(record.session == 11)
        #expect(
            record.recommendingStates == [
                "United Kingdom", "Poland", "Egypt", "Afghanistan", "Portugal", "Australia", "Norway", "Spain",
                "Democratic Republic of Congo", "Palestine", "Ecuador", "Djibouti", "Russian Federation",
            ])
        #expect(record.provenance.map(\.row) == Array(15_221...15_233))
        #expect(record.text.hasPrefix("Establish an independent national human rights institution in compliance"))
    }

    @Test("issues of a joint recommendation are the union of its rows' issues")
    func issueUnion() throws {
        let record = try #require(Fixtures.parsed01to16.records.first { $0.provenance.first?.row == 2_238 })
        #expect(record.provenance.map(\.row) == [2_238, 2_247])
        #expect(record.recommendingStates == ["Chad", "Morocco"])
        #expect(record.issues == ["Technical assistance and cooperation", "Human rights education and training"])
    }

    @Test("the one record whose rows give different responses keeps the first and says so")
    func conflictingResponses() throws {
        let parsed = Fixtures.parsed01to16
        let record = try #require(parsed.records.first { $0.provenance.first?.row == 29_205 })
        #expect(record.stateUnderReview == "Tonga")
        #expect(record.text == "Ratify CEDAW")
        #expect(record.response == .supported)
        #expect(record.provenance.map(\.row) == [29_205, 29_285, 29_286])
        let conflicts = parsed.warnings.filter { $0.contains("different responses") }
        #expect(
            conflicts == [
                "rows 29205, 29285, 29286 (Tonga, session 15, “Ratify CEDAW”) are one recommendation but give "
                    + "different responses (Accepted, Noted, Noted); kept Accepted from row 29205"
            ])
    }

    @Test("rows without a known recommending state give no state and one warning")
    func unknownStates() {
        let parsed = Fixtures.parsed01to16
        #expect(parsed.records.allSatisfy { !$0.recommendingStates.contains { $0.contains("Unknown") } })
        #expect(
            parsed.warnings.contains("9 row(s) from row 2497 on do not name the recommending state (From “(Unknown)”)"))
        #expect(parsed.warnings.count == 2)
    }

    @Test("accented letters of the raw Mac Roman exports decode as written")
    func accentedText() throws {
        let raw1to5 = try Importer.parse(data: CommittedFixtures.raw1to5, fileName: "1-5.csv")
        #expect(try text(raw1to5, row: 3_671).contains("achievements of the Instance Equité - Reconciliation (IER)"))
        #expect(
            try text(raw1to5, row: 4_639).hasSuffix("the former head of State of Chad, Mr. Hissène Habré to justice"))
        #expect(
            try text(raw1to5, row: 4_644).hasSuffix("the former head of State of Chad, Mr. Hissène Habré to justice"))

        let raw6to9 = try Importer.parse(data: CommittedFixtures.raw6to9, fileName: "6-9.csv")
        #expect(try text(raw6to9, row: 855).contains("the precarious situation of the Guaraní indigenous peoples"))
        #expect(try text(raw6to9, row: 4_507).contains("discrimination and abuse vis-à-vis children"))
        #expect(try text(raw6to9, row: 6_123).contains("set up by the Haute Autorité de la Transition"))

        let raw10to13 = try Importer.parse(data: CommittedFixtures.raw10to13, fileName: "10-13.csv")
        #expect(try text(raw10to13, row: 1_089).contains("in particular related to the Guaraní Kaiowá"))
        #expect(try text(raw10to13, row: 2_134).contains("Gornji Senik/Felsöszölnök and Stevanovic/Apátistvánfalva"))
        #expect(try text(raw10to13, row: 2_781).contains("by the Garda Síochána and other law enforcement"))

        let pledges = try Importer.parse(data: CommittedFixtures.pledges, fileName: "voluntary-pledges.csv")
        #expect(try text(pledges, row: 263).hasPrefix("Côte d'Ivoire intends to honour its commi"))
        #expect(
            try text(pledges, row: 290).contains("harmonize their domestic legislation vis-à-vis international law"))
    }

    @Test("the UTF-8 export keeps what it says, including three rows it got as mojibake from a wrong decode")
    func utf8ExportAsWritten() throws {
        let parsed = Fixtures.parsed01to16
        #expect(try text(parsed, row: 3_671).contains("Instance Equité - Reconciliation"))
        // The same row as raw/6-9.csv row 6123, which the raw file spells "Autorité".
        #expect(try text(parsed, row: 12_216).contains("Haute AutoritŽ de la Transition"))
    }

    @Test("voluntary pledges are supported pledges made by the state under review")
    func pledges() throws {
        let parsed = try Importer.parse(data: CommittedFixtures.pledges, fileName: "voluntary-pledges.csv")
        let first = try #require(parsed.records.first)
        #expect(first.kind == .voluntaryPledge)
        #expect(first.response == .supported)
        #expect(first.stateUnderReview == "Albania")
        #expect(first.recommendingStates == ["Albania"])
        #expect(first.session == 19)
        #expect(first.cycle == 2)
        #expect(first.actionCategory == .specific)
        #expect(first.issues == ["Minorities", "National plan of action"])
        #expect(parsed.records.allSatisfy { $0.kind == .voluntaryPledge && $0.response == .supported })
    }

    @Test("Mongolia's first review: 131 rows, 129 recommendations, two of them joint")
    func mongolia() throws {
        let parsed = try Importer.parse(
            data: CommittedFixtures.mongolia, fileName: "mongolia_cycle1_session9_uprinfo.csv")
        #expect(parsed.warnings.isEmpty)
        #expect(Set(parsed.records.map(\.stateUnderReview)) == ["Mongolia"])
        #expect(Set(parsed.records.compactMap(\.session)) == [9])
        #expect(Set(parsed.records.compactMap(\.cycle)) == [1])
        let joint = parsed.records.filter { $0.recommendingStates.count > 1 }
        #expect(joint.map(\.recommendingStates) == [["Brazil", "Spain"], ["Sweden", "Portugal"]])
        #expect(joint.map { $0.provenance.map(\.row) } == [[8, 9], [10, 11]])
        #expect(joint[0].text.hasPrefix("Ratify the Second Optional Protocol to the International Covenant"))
        #expect(joint[1].text.hasPrefix("Sign and ratify the Second Optional Protocol"))
        #expect(joint.allSatisfy { $0.issues == ["Death penalty", "International instruments"] })
        let first = try #require(parsed.records.first)
        #expect(first.recommendingStates == ["France"])
        #expect(first.issues == ["Enforced disappearances", "International instruments"])
        #expect(first.actionCategory == .specific)
        #expect(first.regionalGroup == "Asia")
    }

    @Test("rows group on normalised text: spacing differences do not split a recommendation")
    func groupingNormalisesWhitespace() throws {
        let csv =
            header + """
                Mongolia,Asia,,"Ratify  the   Convention",France,WEOG,EU,Accepted,5,Justice,9\r
                Mongolia,Asia,,"Ratify the\tConvention ",Spain,WEOG,EU,Accepted,5,Justice,9\r
                Mongolia,Asia,,"  Ratify the\u{00A0}Convention",Chile,GRULAC,,Accepted,5,Justice,9\r
                Mongolia,Asia,,"Ratify the Convention",France,WEOG,EU,Accepted,5,Justice,9\r
                Mongolia,Asia,,"Réviser  la loi",Chad,Africa,,Accepted,3,Justice,9\r
                Mongolia,Asia,,"Réviser la loi",Togo,Africa,,Accepted,3,Justice,9\r
                Mongolia,Asia,,"Ratify the Convention",France,WEOG,EU,Accepted,5,Justice,10\r

                """
        let parsed = try Importer.parse(data: Data(csv.utf8), fileName: "spacing.csv")
        #expect(parsed.records.count == 3)
        #expect(parsed.records[0].recommendingStates == ["France", "Spain", "Chile"])
        #expect(parsed.records[0].provenance.map(\.row) == [2, 3, 4, 5])
        #expect(parsed.records[0].text == "Ratify  the   Convention")
        #expect(parsed.records[1].recommendingStates == ["Chad", "Togo"])
        #expect(parsed.records[2].session == 10)
    }

    @Test("columns are found by name in any order and any case; empty Action is nil; unknown issues are kept")
    func columnOrder() throws {
        let csv = """
            session , RESPONSE,issue,Text,from,to,Action\r
            9,Noted,"Justice, Made-up issue",Abolish the death penalty,France,Mongolia,\r
            9,Accepted,made-up issue,Protect journalists,Spain,Mongolia,4\r
            """
        let parsed = try Importer.parse(data: Data(csv.utf8), fileName: "reordered.csv", format: .uprInfo)
        #expect(parsed.records.count == 2)
        let first = parsed.records[0]
        #expect(first.stateUnderReview == "Mongolia")
        #expect(first.response == .noted)
        #expect(first.actionCategory == nil)
        #expect(first.regionalGroup == nil)
        #expect(first.issues == ["Justice", "Made-up issue"])
        #expect(parsed.records[1].actionCategory == .general)
        #expect(parsed.records[1].issues == ["made-up issue"])
        #expect(
            parsed.warnings == [
                "row 2: unknown issue “Made-up issue” kept as written",
                "row 3: unknown issue “made-up issue” kept as written",
            ])
    }

    @Test("a Windows-1252 export with mixed line ends and a line break inside a quoted text")
    func windows1252MixedLineEnds() throws {
        // Bytes as Excel on Windows writes them: 0xF4 ô, 0x92 ’, 0x93/0x94 “ ”, 0xE9 é.
        var bytes = Array(header.utf8)
        bytes += Array("C".utf8) + [0xF4] + Array("te d".utf8) + [0x92] + Array("Ivoire,Africa,,\"Adopt the ".utf8)
        bytes += [0x93] + Array("Code de la famille".utf8) + [0x94] + Array("\rand publish it\",France,WEOG,,".utf8)
        bytes += Array("Accepted,5,Women's rights,6\n".utf8)
        bytes += Array("C".utf8) + [0xF4] + Array("te d".utf8) + [0x92] + Array("Ivoire,Africa,,\"Adopt the ".utf8)
        bytes += [0x93] + Array("Code de la famille".utf8) + [0x94] + Array(" and publish it\",Chile,GRULAC,,".utf8)
        bytes += Array("Accepted,5,Women's rights,6\r".utf8)
        bytes += Array("Mali,Africa,,R".utf8) + [0xE9] + Array("viser la loi,Togo,Africa,,Noted,3,Justice,6".utf8)
        let parsed = try Importer.parse(data: Data(bytes), fileName: "excel.csv")
        #expect(
            parsed.warnings == [
                "read as Windows-1252: the file does not say its encoding, so it was judged from its accented letters"
            ])
        #expect(parsed.rowCount == 3)
        #expect(parsed.records.count == 2)
        let first = parsed.records[0]
        #expect(first.stateUnderReview == "Côte d’Ivoire")
        #expect(first.text == "Adopt the “Code de la famille”\rand publish it")
        // The line break inside the quotes does not split the row, and the two rows are one recommendation.
        #expect(first.recommendingStates == ["France", "Chile"])
        #expect(first.provenance.map(\.row) == [2, 3])
        #expect(parsed.records[1].text == "Réviser la loi")
        #expect(parsed.records[1].provenance.map(\.row) == [4])
    }

    private let header = "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session\r\n"

    private func text(_ parsed: ParsedFile, row: Int) throws -> String {
        try #require(parsed.records.first { $0.provenance.contains { $0.row == row } }).text
    }
}
