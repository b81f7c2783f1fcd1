import Foundation
import Testing
import UPRFileFormats
import UPRTestSupport

@Suite("Encoding detection")
struct LegacyTextDecodingTests {
    private func decode(_ bytes: [UInt8]) -> (text: String, encoding: SourceEncoding) {
        LegacyTextDecoding.string(from: Data(bytes))
    }

    @Test("real Mac Roman bytes from raw/1-5.csv: 0x8E is é, 0x8F is è")
    func macRomanFromRawExport() {
        // "Instance Equit\x8E - Reconciliation" and "Hiss\x8Fne Habr\x8E" exactly as 1-5.csv stores them.
        let equite: [UInt8] = Array("Instance Equit".utf8) + [0x8E] + Array(" - Reconciliation (IER)".utf8)
        #expect(decode(equite) == ("Instance Equité - Reconciliation (IER)", .macRoman))
        let habre: [UInt8] =
            Array("Mr. Hiss".utf8) + [0x8F] + Array("ne Habr".utf8) + [0x8E] + Array(" to justice".utf8)
        #expect(decode(habre) == ("Mr. Hissène Habré to justice", .macRoman))
    }

    @Test("real Mac Roman bytes from raw/10-13.csv: Guaraní Kaiowá, Felsöszölnök, Garda Síochána")
    func macRomanFrom10to13() {
        let kaiowa: [UInt8] = Array("the Guaran".utf8) + [0x92] + Array(" Kaiow".utf8) + [0x87, 0x20]
        #expect(decode(kaiowa) == ("the Guaraní Kaiowá ", .macRoman))
        // Only ö (0x9A), which Windows-1252 reads as the letter š: the ranking of common letters decides.
        let felso: [UInt8] =
            Array("Gornji Senik/Fels".utf8) + [0x9A] + Array("sz".utf8) + [0x9A] + Array("ln".utf8)
            + [0x9A] + Array("k".utf8)
        #expect(decode(felso) == ("Gornji Senik/Felsöszölnök", .macRoman))
        let garda: [UInt8] = Array("Garda S".utf8) + [0x92] + Array("och".utf8) + [0x87] + Array("na".utf8)
        #expect(decode(garda) == ("Garda Síochána", .macRoman))
    }

    @Test("real Mac Roman bytes from voluntary-pledges.csv: Côte (0x99) and vis-à-vis (0x88)")
    func macRomanFromPledges() {
        let cote: [UInt8] = Array("\"C".utf8) + [0x99] + Array("te d'Ivoire intends".utf8)
        #expect(decode(cote) == ("\"Côte d'Ivoire intends", .macRoman))
        let visAVis: [UInt8] = Array("legislation vis-".utf8) + [0x88] + Array("-vis international law".utf8)
        #expect(decode(visAVis) == ("legislation vis-à-vis international law", .macRoman))
    }

    @Test("constructed Windows-1252: Côte d'Ivoire (0xF4) and smart quotes 0x92, 0x93, 0x94")
    func windows1252Constructed() {
        let cote: [UInt8] = Array("C".utf8) + [0xF4] + Array("te d".utf8) + [0x92] + Array("Ivoire".utf8)
        #expect(decode(cote) == ("Côte d’Ivoire", .windows1252))
        let quotes: [UInt8] =
            Array("the so-called ".utf8) + [0x93] + Array("honour".utf8) + [0x94]
            + Array(" crimes and the State".utf8) + [0x92] + Array("s duty".utf8)
        #expect(decode(quotes) == ("the so-called “honour” crimes and the State’s duty", .windows1252))
        let dash: [UInt8] = Array("2010".utf8) + [0x96] + Array("2014 plan ".utf8) + [0x97] + Array(" adopted".utf8)
        #expect(decode(dash) == ("2010–2014 plan — adopted", .windows1252))
        let cafe: [UInt8] = Array("caf".utf8) + [0xE9] + Array(" in Cura".utf8) + [0xE7] + Array("ao".utf8)
        #expect(decode(cafe) == ("café in Curaçao", .windows1252))
    }

    @Test("the whole raw exports are detected as Mac Roman")
    func rawFilesAreMacRoman() {
        for data in [
            CommittedFixtures.raw1to5, CommittedFixtures.raw6to9, CommittedFixtures.raw10to13,
            CommittedFixtures.pledges,
        ] {
            #expect(LegacyTextDecoding.detect(data) == .macRoman)
            let scores = LegacyTextDecoding.plausibility(of: data)
            #expect(scores.macRoman > scores.windows1252)
        }
        #expect(LegacyTextDecoding.detect(CommittedFixtures.sessions01to16) == .utf8)
        #expect(LegacyTextDecoding.detect(CommittedFixtures.mongolia) == .utf8)
    }

    /// Every row of the UTF-8 export that has accented letters, re-encoded both ways, must be recognised in each.
    @Test("rows of the UTF-8 export re-encoded as Mac Roman and as Windows-1252 are told apart")
    func roundTripRealRows() throws {
        let text = String(decoding: CommittedFixtures.sessions01to16, as: UTF8.self)
        // Three rows of this export are themselves mojibake (a Mac Roman file once read as Windows-1252:
        // "AutoritŽ", "vis-ˆ-vis", "Guaran’"); they are not text a person wrote, so they are left out.
        let mojibake: Set<Character> = ["Ž", "ˆ"]
        let rows = text.split(separator: "\r\n").filter { row in
            row.unicodeScalars.contains { $0.value > 0x7F } && !row.contains(where: mojibake.contains)
                && !row.contains("Guaran’")
        }
        #expect(rows.count == 36)
        for row in rows {
            let mac = try #require(encode(String(row), table: macRomanTable()))
            let windows = try #require(encode(String(row), table: windows1252Table()))
            #expect(decode(mac) == (String(row), .macRoman), "\(row)")
            #expect(decode(windows) == (String(row), .windows1252), "\(row)")
        }
    }

    @Test("the working-group files of the text tools: 0xD5 as Mac Roman ’, 0xCD as Windows-1252 Í")
    func workingGroupFiles() {
        // wg-2009 has five 0xD5 ("State\xD5s"), wg-2008 two 0xCD ("women\xCDs", already garbled at the source):
        // the rule the text tools had (Mac Roman / Latin-1) read them the same way.
        let mac = CommittedFixtures.data("UPRTextTests", "wg-2009-excerpt.csv")
        let macText = LegacyTextDecoding.string(from: mac)
        #expect(macText.encoding == .macRoman)
        #expect(macText.text.components(separatedBy: "\u{2019}").count == 6)
        let latin = CommittedFixtures.data("UPRTextTests", "wg-2008-excerpt.csv")
        let latinText = LegacyTextDecoding.string(from: latin)
        #expect(latinText.encoding == .windows1252)
        #expect(latinText.text.contains("women\u{CD}s rights"))
        #expect(
            LegacyTextDecoding.string(from: CommittedFixtures.data("UPRTextTests", "upr-info-excerpt.csv")).encoding
                == .utf8)
    }

    @Test("short strings the text tools pinned: UTF-8 first, Latin-1 letters as Windows-1252, Mac Roman quotes")
    func textToolStrings() {
        #expect(decode(Array("Côte".utf8)) == ("Côte", .utf8))
        #expect(decode([0x43, 0xF4, 0x74, 0x65]) == ("Côte", .windows1252))
        #expect(decode([0x64, 0xD5, 0x61]) == ("d\u{2019}a", .macRoman))
    }

    @Test("UTF-8 with and without byte-order mark, and UTF-16 with one")
    func unicodeEncodings() {
        let text = "Felsöszölnök – “quoted”"
        #expect(decode(Array(text.utf8)) == (text, .utf8))
        #expect(decode([0xEF, 0xBB, 0xBF] + Array(text.utf8)) == (text, .utf8))
        let littleEndian: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(decode(littleEndian) == (text, .utf16))
        let bigEndian: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(decode(bigEndian) == (text, .utf16))
    }

    @Test(
        "malformed UTF-8 is not taken for UTF-8",
        arguments: [
            [0xC3] as [UInt8],  // truncated two-byte sequence
            [0xE2, 0x80],  // truncated three-byte sequence
            [0xC0, 0xAF],  // overlong "/"
            [0xED, 0xA0, 0x80],  // UTF-16 surrogate
            [0xF4, 0x90, 0x80, 0x80],  // beyond U+10FFFF
            [0x80],  // lone continuation byte
        ])
    func malformedUTF8(_ tail: [UInt8]) {
        let bytes = Array("abcdefghij".utf8) + tail
        #expect(bytes.withUnsafeBytes { LegacyTextDecoding.isValidUTF8($0) } == false)
        #expect(LegacyTextDecoding.detect(Data(bytes)) != .utf8)
    }

    @Test("well-formed UTF-8 of every length is accepted, including across the 8-byte ASCII fast path")
    func wellFormedUTF8() {
        for prefix in 0..<17 {
            let text = String(repeating: "a", count: prefix) + "é€𝄞ü" + String(repeating: "b", count: prefix)
            #expect(Array(text.utf8).withUnsafeBytes { LegacyTextDecoding.isValidUTF8($0) })
        }
    }

    @Test("every byte decodes to its code page's character")
    func tables() {
        #expect(LegacyTextDecoding.character(for: 0x8E, in: .macRoman) == "é")
        #expect(LegacyTextDecoding.character(for: 0xD5, in: .macRoman) == "’")
        #expect(LegacyTextDecoding.character(for: 0xDB, in: .macRoman) == "€")
        #expect(LegacyTextDecoding.character(for: 0x80, in: .windows1252) == "€")
        #expect(LegacyTextDecoding.character(for: 0x92, in: .windows1252) == "’")
        #expect(LegacyTextDecoding.character(for: 0xE9, in: .windows1252) == "é")
        #expect(LegacyTextDecoding.character(for: 0x41, in: .windows1252) == "A")
        #expect(LegacyTextDecoding.character(for: 0x41, in: .utf8) == nil)
        let macBytes = (0...255).map { UInt8($0) }
        #expect(Set(macBytes.compactMap { LegacyTextDecoding.character(for: $0, in: .macRoman) }).count == 256)
    }

    // MARK: - Encoders built from the decoder's own tables, checked against known points above.

    private func macRomanTable() -> [Unicode.Scalar: UInt8] { table(.macRoman) }
    private func windows1252Table() -> [Unicode.Scalar: UInt8] { table(.windows1252) }

    private func table(_ encoding: SourceEncoding) -> [Unicode.Scalar: UInt8] {
        var out: [Unicode.Scalar: UInt8] = [:]
        for byte in 0x80...0xFF {
            if let scalar = LegacyTextDecoding.character(for: UInt8(byte), in: encoding) { out[scalar] = UInt8(byte) }
        }
        return out
    }

    private func encode(_ text: String, table: [Unicode.Scalar: UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                out.append(UInt8(scalar.value))
            } else {
                guard let byte = table[scalar] else { return nil }
                out.append(byte)
            }
        }
        return out
    }
}
