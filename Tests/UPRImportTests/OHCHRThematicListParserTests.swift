import Foundation
import Testing
import UPRDomain
import UPRFileFormats
import UPRImport
import UPRTestSupport

/// Counts derived independently with Python (zipfile + ElementTree + regex on the paragraph numbers).
struct ThematicListExpectation: Sendable, CustomTestStringConvertible {
    var file: String
    var state: String
    var session: Int
    var cycle: Int
    var tableRows: Int
    var records: Int
    var supported: Int
    var noted: Int
    var stateMentions: Int
    var distinctStates: Int
    var recordsWithSDGs: Int
    var distinctThemes: Int
    var reportSymbol: String
    var firstParagraph: String
    var lastParagraph: String
    var testDescription: String { file }

    static let all: [ThematicListExpectation] = [
        .init(
            file: "slovenia-cycle2-session20.docx", state: "Slovenia", session: 20, cycle: 2, tableRows: 201,
            records: 163, supported: 142, noted: 21, stateMentions: 180, distinctStates: 71, recordsWithSDGs: 0,
            distinctThemes: 53, reportSymbol: "A/HRC/28/15", firstParagraph: "115.1", lastParagraph: "115.163"),
        .init(
            file: "egypt-cycle2-session20.docx", state: "Egypt", session: 20, cycle: 2, tableRows: 346, records: 300,
            supported: 224, noted: 76, stateMentions: 321, distinctStates: 117, recordsWithSDGs: 0, distinctThemes: 50,
            reportSymbol: "A/HRC/28/16", firstParagraph: "166.6", lastParagraph: "166.36"),
        .init(
            file: "slovenia-cycle3-session34.docx", state: "Slovenia", session: 34, cycle: 3, tableRows: 269,
            records: 215, supported: 182, noted: 33, stateMentions: 223, distinctStates: 81, recordsWithSDGs: 202,
            distinctThemes: 62, reportSymbol: "A/HRC/43/15", firstParagraph: "121.1", lastParagraph: "122.157"),
        .init(
            file: "slovenia-cycle4-session48.docx", state: "Slovenia", session: 48, cycle: 4, tableRows: 308,
            records: 254, supported: 217, noted: 37, stateMentions: 262, distinctStates: 95, recordsWithSDGs: 254,
            distinctThemes: 60, reportSymbol: "A/HRC/59/15", firstParagraph: "140.7", lastParagraph: "140.253"),
    ]
}

@Suite("OHCHR thematic lists")
struct OHCHRThematicListParserTests {
    private func parse(_ file: String) throws -> ParsedFile {
        try Importer.parse(data: Fixtures.data(file), fileName: file)
    }

    private func record(_ parsed: ParsedFile, _ paragraph: String) throws -> RecommendationRecord {
        try #require(parsed.records.first { $0.paragraph == paragraph })
    }

    @Test("counts and review of every real list", arguments: ThematicListExpectation.all)
    func counts(_ expected: ThematicListExpectation) throws {
        let parsed = try parse(expected.file)
        #expect(parsed.format == .ohchrDocx)
        #expect(parsed.rowCount == expected.tableRows)
        #expect(parsed.records.count == expected.records)
        #expect(Set(parsed.records.compactMap(\.paragraph)).count == expected.records)
        #expect(Set(parsed.records.map(\.naturalKey)).count == expected.records)
        #expect(parsed.records.filter { $0.response == .supported }.count == expected.supported)
        #expect(parsed.records.filter { $0.response == .noted }.count == expected.noted)
        #expect(parsed.records.map(\.recommendingStates.count).reduce(0, +) == expected.stateMentions)
        #expect(Set(parsed.records.flatMap(\.recommendingStates)).count == expected.distinctStates)
        #expect(parsed.records.filter { !$0.sdgs.isEmpty }.count == expected.recordsWithSDGs)
        #expect(Set(parsed.records.flatMap(\.themes)).count == expected.distinctThemes)
        #expect(parsed.records.first?.paragraph == expected.firstParagraph)
        #expect(parsed.records.last?.paragraph == expected.lastParagraph)
        for record in parsed.records {
            #expect(record.stateUnderReview == expected.state)
            #expect(record.session == expected.session)
            #expect(record.cycle == expected.cycle)
            #expect(record.reportSymbol == expected.reportSymbol)
            #expect(record.mechanism == .upr && record.kind == .recommendation)
            #expect(!record.recommendingStates.isEmpty, "\(record.paragraph ?? "")")
            #expect(!record.themes.isEmpty, "\(record.paragraph ?? "")")
            #expect(record.sdgs.allSatisfy { (1...17).contains($0) })
            #expect(record.provenance.count == 1 && record.provenance[0].file == expected.file)
            // The paragraph number and the position source are not part of the text.
            #expect(!record.text.hasPrefix(record.paragraph ?? "?"))
            #expect(!record.text.lowercased().contains("source of position"))
        }
    }

    @Test("Slovenia, cycle 2: coded themes, affected persons, the source with its paragraph")
    func sloveniaCycle2() throws {
        let parsed = try parse("slovenia-cycle2-session20.docx")
        #expect(parsed.warnings.isEmpty)
        let rec = try record(parsed, "115.3")
        #expect(
            rec.text
                == "Ratify the Optional Protocol to the Rights of the Child on a communications procedure (Portugal, Slovakia);"
        )
        #expect(rec.recommendingStates == ["Portugal", "Slovakia"])
        #expect(rec.response == .supported)
        #expect(rec.responseSource == "A/HRC/28/15/Add.1 - Para. 3")
        #expect(rec.themes == [OHCHRTheme(code: "A12", name: "Acceptance of international norms")])
        #expect(rec.affectedPersons == ["children"])
        #expect(rec.sdgs.isEmpty)
        #expect(rec.provenance == [Provenance(file: "slovenia-cycle2-session20.docx", row: 4)])
        let racial = try record(parsed, "115.2")
        #expect(
            racial.themes.map(\.code) == ["A12", "B32", "G1"]
                && racial.themes.map(\.name) == [
                    "Acceptance of international norms", "Racial discrimination", "Members of minorities",
                ])
        #expect(racial.affectedPersons == ["minorities/ racial, ethnic, linguistic, religious or descent-based groups"])
        // The document's own missing space is kept: "toarticle8".
        #expect(racial.text.contains("ratification of the amendment toarticle8 of the International Convention"))
        #expect(try record(parsed, "115.72").recommendingStates == ["the former Yugoslav Republic of Macedonia"])
        #expect(try record(parsed, "115.4").recommendingStates == ["Spain", "Tunisia", "Portugal"])
        // A recommendation that ends with a full stop, not a semicolon.
        #expect(try record(parsed, "115.163").recommendingStates == ["Nigeria"])
    }

    @Test("Egypt, cycle 2: states in separate parentheses, numbered themes split by line breaks")
    func egypt() throws {
        let parsed = try parse("egypt-cycle2-session20.docx")
        let first = try record(parsed, "166.6")
        #expect(
            first.text == "Ratify the Rome Statute of the ICC (Chile); (Estonia); (Slovenia); (Tunisia); (Uruguay);")
        #expect(first.recommendingStates == ["Chile", "Estonia", "Slovenia", "Tunisia", "Uruguay"])
        #expect(first.response == .noted)
        #expect(first.responseSource == "A/HRC/28/16/Add.1")
        #expect(first.themes == [OHCHRTheme(code: "2.1", name: "Acceptance of international norms")])
        #expect(first.affectedPersons == ["general"])
        #expect(first.provenance == [Provenance(file: "egypt-cycle2-session20.docx", row: 3)])
        // "(ICPPED)" is an acronym, not a state.
        #expect(try record(parsed, "166.10").recommendingStates == ["Sierra Leone", "Togo", "Tunisia"])
        let deathPenalty = try record(parsed, "166.1")
        #expect(
            deathPenalty.themes == [
                OHCHRTheme(code: "2.1", name: "Acceptance of international norms"),
                OHCHRTheme(code: "12.4", name: "Death penalty"),
            ])
        #expect(try record(parsed, "166.232").affectedPersons == ["general", "human rights defenders"])
        #expect(try record(parsed, "166.141").recommendingStates == ["Bolivia (Plurinational State of)"])
        #expect(try record(parsed, "166.293").recommendingStates == ["Venezuela (Bolivarian Republic of)"])
        #expect(try record(parsed, "166.133").themes.map(\.code) == ["6", "30.1", "30.4"])
        // A position given in a later letter: no source, the review's report all the same, and a warning.
        let letter = try record(parsed, "166.16")
        #expect(letter.responseSource == nil)
        #expect(letter.reportSymbol == "A/HRC/28/16")
        #expect(letter.response == .supported)
        #expect(
            parsed.warnings.contains(
                "paragraph 166.16: no source of position (comment: “Information sent in a post Add.1 letter”)"))
        // "Supported/Noted" is not a formal category: imported as noted, with a warning per paragraph.
        let split = parsed.warnings.filter { $0.contains("“Supported/Noted” (partly supported) imported as noted") }
        #expect(split.count == 23)
        #expect(try record(parsed, "166.14").response == .noted)
        #expect(parsed.warnings.count == 24)
    }

    @Test("Egypt's column of recommending states agrees with the states read from the text")
    func egyptStatesColumn() throws {
        let package = try DocxPackage(data: Fixtures.data("egypt-cycle2-session20.docx"), fileName: "egypt.docx")
        let table = try #require(try DocxTableExtractor.tables(in: package.documentXML).first)
        let parsed = try parse("egypt-cycle2-session20.docx")
        var compared = 0
        for (index, row) in table.rows.enumerated() {
            guard let record = parsed.records.first(where: { $0.provenance[0].row == index + 1 }) else { continue }
            let column = row.cells[1].paragraphs.flatMap { $0.split(separator: "\n") }
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let fromText = record.recommendingStates.map { $0.replacingOccurrences(of: "’", with: "'") }
            #expect(fromText == column, "\(record.paragraph ?? "")")
            compared += 1
        }
        #expect(compared == 300)
    }

    @Test("Slovenia, cycle 3: plain theme names, SDGs in the themes cell, sentences with their own states")
    func sloveniaCycle3() throws {
        let parsed = try parse("slovenia-cycle3-session34.docx")
        #expect(parsed.warnings.isEmpty)
        let rec = try record(parsed, "121.1")
        #expect(rec.recommendingStates == ["France", "Lithuania"])
        #expect(rec.responseSource == "A/HRC/43/15 - Para 121")
        #expect(
            rec.themes == [
                OHCHRTheme(code: nil, name: "Acceptance of international norms"),
                OHCHRTheme(code: nil, name: "Enforced disappearances"),
            ])
        #expect(rec.sdgs == [16])
        #expect(rec.affectedPersons == ["Disappeared persons"])
        let twoSentences = try record(parsed, "121.2")
        #expect(twoSentences.recommendingStates == ["Ukraine", "Slovakia"])
        #expect(twoSentences.text.hasPrefix("Complete the process of ratification of the International Convention"))
        #expect(twoSentences.text.hasSuffix("Enforced Disappearance (Slovakia);"))
        let ilo = try record(parsed, "121.3")
        #expect(ilo.recommendingStates == ["United Kingdom of Great Britain and Northern Ireland"])
        #expect(
            ilo.text.contains(
                "International Labour Organization’s 2014 Protocol to the Forced Labour Convention, 1930 (No. 29)"))
        #expect(ilo.sdgs == [8])
        #expect(ilo.affectedPersons.isEmpty)
        let addendum = try record(parsed, "122.1")
        #expect(addendum.responseSource == "A/HRC/43/15/Add.1 - Para.3")
        #expect(addendum.reportSymbol == "A/HRC/43/15")
    }

    @Test("Slovenia, cycle 4: a separate SDG column and groups of persons")
    func sloveniaCycle4() throws {
        let parsed = try parse("slovenia-cycle4-session48.docx")
        #expect(parsed.warnings.isEmpty)
        let rec = try record(parsed, "140.7")
        #expect(
            rec.text
                == "Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights (Maldives) (Portugal);"
        )
        #expect(rec.recommendingStates == ["Maldives", "Portugal"])
        #expect(rec.responseSource == "A/HRC/59/15/Add.1 - Para.3")
        #expect(rec.sdgs == [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(rec.affectedPersons == ["Public officials"])
        #expect(
            rec.themes.map(\.name) == [
                "Ratification of & accession to international instruments",
                "Economic, social & cultural rights - general measures of implementation",
            ])
        let eight = try record(parsed, "140.1")
        #expect(
            eight.recommendingStates == [
                "Algeria", "Cabo Verde", "Paraguay", "South Sudan", "Sri Lanka", "Togo", "Uruguay",
                "Bolivarian Republic of Venezuela",
            ])
    }

    /// The states of UPR Info's own export (as recommending state or state under review) plus the UN's formal
    /// names that later lists use.
    @Test("every recommending state read from the four lists is a real state name")
    func statesAreStates() throws {
        var known = Set<String>()
        var reader = CSVReader(bytes: Array(CommittedFixtures.sessions01to16))
        _ = try reader.nextRecord()
        while let row = try reader.nextRecord() {
            if row.count > 4 { known.formUnion([row[0], row[4]]) }
        }
        #expect(known.count == 196)
        known.formUnion(Self.formalNames)
        var unknown: Set<String> = []
        for file in Fixtures.thematicLists {
            for state in try parse(file).records.flatMap(\.recommendingStates) where !known.contains(state) {
                unknown.insert(state)
            }
        }
        #expect(unknown.isEmpty, "\(unknown.sorted())")
    }

    private static let formalNames: Set<String> = [
        "United Kingdom of Great Britain and Northern Ireland", "United States of America", "Türkiye",
        "Bolivia (Plurinational State of)", "Venezuela (Bolivarian Republic of)", "Bolivarian Republic of Venezuela",
        "Iran (Islamic Republic of)", "Islamic Republic of Iran", "Republic of Moldova", "Côte d’Ivoire",
        "Côte d'Ivoire", "Lao People’s Democratic Republic", "Democratic People’s Republic of Korea",
        "Bosnia and Herzegovina", "the former Yugoslav Republic of Macedonia", "North Macedonia", "Cabo Verde",
        "Kingdom of the Netherlands", "State of Palestine", "Syrian Arab Republic", "United Republic of Tanzania",
        "Democratic Republic of the Congo", "Congo", "Guinea-Bissau", "Trinidad and Tobago",
        "Saint Vincent and the Grenadines", "Saint Kitts and Nevis", "Saint Lucia", "Antigua and Barbuda",
        "Sao Tome and Principe", "Eswatini", "Czechia", "Micronesia (Federated States of)",
    ]
}
