import Testing
import UPRText

@Suite struct TokenizerTests {
    @Test func lowercasesAndSplitsOnPunctuation() {
        #expect(Tokenizer.tokens("Ratify the OP-CAT, (2008)!") == ["ratify", "the", "op", "cat", "2008"])
    }

    @Test func foldsAccentsAndCompatibilityForms() {
        #expect(Tokenizer.tokens("Côte d’Ivoire, SÃO TOMÉ") == ["cote", "ivoire", "sao", "tome"])
        // NFKD splits the ligature; the superscript two becomes a plain digit and joins the word.
        #expect(Tokenizer.tokens("ﬁnal x²") == ["final", "x2"])
    }

    @Test func dropsSingleLetterWords() {
        #expect(Tokenizer.tokens("women's rights a b") == ["women", "rights"])
    }

    @Test func dropsEnglishStopWordsOnlyWhenAsked() {
        let text = "Ensure that the rights of all children are not violated"
        #expect(Tokenizer.tokens(text, droppingStopWords: true) == ["ensure", "rights", "children", "not", "violated"])
        #expect(Tokenizer.tokens(text).count == 10)
        #expect(StopWords.english.contains("the"))
        #expect(!StopWords.english.contains("not"))
    }

    @Test func keepsNonLatinScripts() {
        #expect(Tokenizer.tokens("Монгол Улсын ХҮНИЙ эрх") == ["монгол", "улсын", "хүнии", "эрх"])
        #expect(Tokenizer.tokens("حقوق الإنسان") == ["حقوق", "الانسان"])
    }

    @Test func normalizeJoinsTokens() {
        #expect(Tokenizer.normalize("  Abolish   the DEATH-penalty. ") == "abolish the death penalty")
        #expect(Tokenizer.normalize("") == "")
        #expect(Tokenizer.tokens("!!! ... ---").isEmpty)
    }
}
