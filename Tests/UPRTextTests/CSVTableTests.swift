import Foundation
import Testing
import UPRText

@Suite struct CSVTableTests {
    @Test func parsesQuotesAndEveryLineEnd() throws {
        let table = try CSVTable(text: "a,b\r\n1,\"x, \"\"y\"\"\nz\"\r2,3\n4,5")
        #expect(table.header == ["a", "b"])
        #expect(table.rows == [["1", "x, \"y\"\nz"], ["2", "3"], ["4", "5"]])
    }

    @Test func readsTheUPRInfoExcerpt() {
        #expect(FixtureData.rows.count == 891)
        #expect(FixtureData.trainRows.count == 594)
        let first = FixtureData.rows[0]
        #expect(first.stateUnderReview == "Afghanistan")
        #expect(first.actionCategory == .specific)
        #expect(first.issues == ["Rights of the Child", "Women's rights"])
    }

    @Test func decodesMacRomanWorkingGroupFile() throws {
        let table = try CSVTable(contentsOf: FixtureData.url("wg-2009-excerpt.csv"))
        #expect(table.header.first == "text")
        #expect(table.rows.count == 40)
        // 0xD5 is Mac Roman's right single quotation mark.
        #expect(table.rows.contains { $0[0].contains("\u{2019}") })
    }

    @Test func decodesLatin1WorkingGroupFileWithBareCarriageReturns() throws {
        let table = try CSVTable(contentsOf: FixtureData.url("wg-2008-excerpt.csv"))
        #expect(table.rows.count == 40)
        #expect(table.rows[0][1] == "Algeria")
    }
}
