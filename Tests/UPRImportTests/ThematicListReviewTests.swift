import Testing
import UPRImport

@Suite("Thematic list review (page header and file name)")
struct ThematicListReviewTests {
    @Test(
        "page headers as the four lists print them, and others in the same style",
        arguments: [
            (
                "UPR of Slovenia (2nd Cycle – 20th session)\tThematic list of recommendations\t\tPage 15 of 27",
                "x.docx", "Slovenia", 20, 2
            ),
            (
                "UPR of Egypt - Second Cycle\tThematic list of recommendations", "egypt-cycle2-session20.docx", "Egypt",
                20, 2
            ),
            ("UPR of Slovenia (3rd Cycle - 34th Session)\t\tThematic list", "x.docx", "Slovenia", 34, 3),
            (
                "UPR of Slovenia (4th Cycle - 48th Session)\tThematic list of recommendations*", "x.docx", "Slovenia",
                48, 4
            ),
            (
                "UPR of Bolivia (Plurinational State of) (3rd Cycle - 34th Session)", "x.docx",
                "Bolivia (Plurinational State of)", 34, 3
            ),
            ("UPR of Guinea-Bissau - Third Cycle", "guinea-bissau-session35.docx", "Guinea-Bissau", 35, 3),
        ] as [(String, String, String, Int, Int)])
    func headers(_ header: String, _ file: String, _ state: String, _ session: Int, _ cycle: Int) {
        let review = ThematicListReview(headerParagraphs: ["", header], fileName: file)
        #expect(review == ThematicListReview(stateUnderReview: state, session: session, cycle: cycle))
    }

    @Test("without a header, the file name gives state, session and cycle")
    func fileName() {
        #expect(
            ThematicListReview(headerParagraphs: [], fileName: "slovenia-cycle2-session20.docx")
                == ThematicListReview(stateUnderReview: "Slovenia", session: 20, cycle: 2))
        #expect(
            ThematicListReview(headerParagraphs: ["Page 1"], fileName: "united-kingdom_session41.docx")
                == ThematicListReview(stateUnderReview: "United Kingdom", session: 41, cycle: 4))
        #expect(
            ThematicListReview(headerParagraphs: [], fileName: "matrix.docx")
                == ThematicListReview(stateUnderReview: "Matrix", session: nil, cycle: nil))
    }
}
