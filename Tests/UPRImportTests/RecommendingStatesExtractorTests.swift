import Testing
import UPRImport

@Suite("Recommending states in recommendation text")
struct RecommendingStatesExtractorTests {
    @Test(
        "the forms the thematic lists use",
        arguments: [
            ("Ratify X (Portugal, Slovakia);", ["Portugal", "Slovakia"]),
            ("Ratify X (France) (Lithuania);", ["France", "Lithuania"]),
            ("Ratify the Rome Statute of the ICC (Chile); (Estonia); (Slovenia);", ["Chile", "Estonia", "Slovenia"]),
            ("Complete X (Ukraine); Increase efforts towards Y (Slovakia);", ["Ukraine", "Slovakia"]),
            ("Ratify ICPPED (ICPPED) (Sierra Leone); (Togo);", ["Sierra Leone", "Togo"]),
            (
                "Ratify the Forced Labour Convention, 1930 (No. 29) (United Kingdom of Great Britain and Northern Ireland);",
                ["United Kingdom of Great Britain and Northern Ireland"]
            ),
            ("Ensure rights in detention (Bolivia (Plurinational State of));", ["Bolivia (Plurinational State of)"]),
            (
                "Exert efforts (Venezuela (Bolivarian Republic of)); (Cuba);",
                ["Venezuela (Bolivarian Republic of)", "Cuba"]
            ),
            (
                "Improve conditions of Roma (the former Yugoslav Republic of Macedonia);",
                ["the former Yugoslav Republic of Macedonia"]
            ),
            ("Combat terrorism in line with human rights (Republic of Korea).", ["Republic of Korea"]),
            ("Ratify the Council of Europe convention (Istanbul Convention) (Türkiye);", ["Türkiye"]),
            ("Adopt a law; and ensure its implementation (Chile);", ["Chile"]),
            ("Withdraw reservations to CEDAW (OP-CEDAW);", []),
            ("Protect children (in particular girls);", []),
            ("No parentheses at all", []),
            ("Unbalanced ) parentheses (Chile", []),
        ] as [(String, [String])])
    func forms(_ text: String, _ states: [String]) {
        #expect(RecommendingStatesExtractor.states(in: text) == states)
    }

    @Test("a state named twice is listed once")
    func duplicates() {
        #expect(RecommendingStatesExtractor.states(in: "A (Chile); B (Chile, Peru);") == ["Chile", "Peru"])
    }
}
