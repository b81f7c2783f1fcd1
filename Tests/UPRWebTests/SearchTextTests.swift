import Testing

@testable import UPRStore

/// What people type becomes a safe FTS5 expression.
@Suite struct SearchTextTests {
    @Test func wordsPhrasesOrAndNegation() {
        #expect(SearchText.fts5("torture") == "\"torture\"")
        #expect(SearchText.fts5("the rights of women") == "\"rights\" \"women\"")
        #expect(SearchText.fts5("\"death penalty\" abolish") == "\"death penalty\" \"abolish\"")
        #expect(SearchText.fts5("police OR prison") == "\"police\" OR \"prison\"")
        #expect(SearchText.fts5("children -labour") == "\"children\" NOT \"labour\"")
        #expect(SearchText.fts5("women's") == "\"women s\"")
    }

    @Test func operatorsAndPunctuationCannotBreakTheQuery() {
        #expect(SearchText.fts5("\"unclosed AND OR NOT * (") == "\"unclosed and or not\"")
        #expect(SearchText.fts5("NEAR(a b) ^x :col") == "\"near a\" \"b\" \"x\" \"col\"")
        #expect(SearchText.fts5("-only") == nil)
        #expect(SearchText.fts5("the of and") == nil)
        #expect(SearchText.fts5("") == nil)
    }

    @Test func filterValidationNamesTheParameter() throws {
        #expect(throws: FilterError.self) { try RecommendationFilter(parameters: ["cycle": "5"]) }
        do {
            _ = try RecommendationFilter(parameters: ["actionCategory": "x"])
        } catch {
            #expect(error.parameter == "actionCategory")
        }
        let filter = try RecommendationFilter(parameters: ["per": "1000", "response": "accepted", "q": "  "])
        #expect(filter.per == 100)
        #expect(filter.response == .supported)
        #expect(filter.q == nil)
    }
}
