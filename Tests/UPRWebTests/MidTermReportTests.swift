import Crypto
import Foundation
import Testing
import UPRDocument
import UPRDomain
import UPRStore
import UPRWeb
import VaporTesting
import ZIPFoundation

/// The draft mid-term report: every recommendation of the cycle under its cluster with response, plan, answer and
/// each stakeholder's assessment; published data only for the public; DOCX and HTML from one composition.
@Suite struct MidTermReportTests {
    /// The demo's two second-cycle recommendations, one with a published plan entry answered by the ministry and
    /// one with a draft, both assessed in the open 2017 round (which covers every cycle).
    func prepare(_ app: Application) async throws -> (published: Int, draft: Int) {
        let sql = try app.sql()
        let published = try await recommendationID(app, paragraph: "108.42")
        let draft = try await recommendationID(app, paragraph: "108.103")
        let ministry = try await organisationID(app, "Ministry of Justice and Home Affairs")
        let group = try await justiceGroupID(app)
        var fields = PlanEntryFields()
        fields.goal = "A comprehensive anti-discrimination law is in force"
        fields.expectedAction = "Submit the anti-discrimination bill to the State Great Khural"
        fields.leadOrganisationID = ministry
        let store = PlanStore(sql)
        let entry = try await store.create(
            recommendationID: published, workingGroupID: group, fields: fields, userID: nil, actor: "test")
        try await store.answer(
            entry, version: 1, answer: .amend, comment: "Planned for the spring session", userID: 1, actor: "test")
        try await store.setStatus(entry, version: 2, status: .published, actor: "test")
        var draftFields = PlanEntryFields()
        draftFields.goal = "Secret draft goal"
        _ = try await store.create(
            recommendationID: draft, workingGroupID: group, fields: draftFields, userID: nil, actor: "test")
        let round = try #require(try await AssessmentStore(sql).rounds().first { $0.status == .open })
        try await AssessmentStore(sql).save(
            round: round.id, recommendation: published, organisationID: ministry,
            input: AssessmentInput(status: .partial, justification: "The bill is with parliament", evidenceURL: ""),
            version: 0, userID: nil, actor: "test")
        return (published, draft)
    }

    @Test(arguments: TestDatabase.allCases)
    func theDraftHoldsEveryRecommendationWithItsPlanAndAssessments(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            _ = try await prepare(app)
            let data = try #require(
                try await MidTermReportData.load(state: "Mongolia", cycle: nil, publishedOnly: false, on: app.sql()))
            #expect(data.cycle == 2)
            #expect(data.items.count == 2)
            let html = String(
                decoding: try #require(
                    try await MidTermReportFile.make(
                        state: "Mongolia", format: .html, language: .en, publishedOnly: false, on: app.sql())),
                as: UTF8.self)
            for text in [
                "Adopt a comprehensive law against discrimination on all grounds",
                "Adopt the revised Law against Domestic Violence",
                "Submit the anti-discrimination bill to the State Great Khural", "Agree with changes",
                "Planned for the spring session", "The bill is with parliament", "Ministry of Justice and Home Affairs",
                "Secret draft goal", "Other recommendations", "Annual assessment 2017",
            ] {
                #expect(html.contains(text), "missing: \(text)")
            }
            // The DOCX is the same composition: its body has the same texts.
            let docx = try #require(
                try await MidTermReportFile.make(
                    state: "Mongolia", format: .docx, language: .en, publishedOnly: false, on: app.sql()))
            #expect(docx.starts(with: [0x50, 0x4B, 0x03, 0x04]))
            let body = try #require(try unzip(docx)["word/document.xml"])
            #expect(body.contains("Planned for the spring session"))
            #expect(body.contains("<w:tblHeader/>"))
            let parts = try unzip(docx)
            #expect(parts["word/styles.xml"]?.contains("w:styleId=\"Heading1\"") == true)
            // The summary's two charts are native Word charts with their numbers in the document.
            #expect(parts["word/charts/chart2.xml"]?.contains("<c:grouping val=\"percentStacked\"/>") == true)
            #expect(parts["word/_rels/document.xml.rels"]?.contains("Target=\"charts/chart1.xml\"") == true)
            #expect(parts["[Content_Types].xml"]?.contains("/word/charts/chart1.xml") == true)
            #expect(body.contains("<c:chart r:id=\"rIdChart1\"/>"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func thePublicReportHasPublishedPartsOnly(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            _ = try await prepare(app)
            let page = try await Browser.anonymous.get(app, "/reports/midterm.html?state=Mongolia")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("Submit the anti-discrimination bill"))
            #expect(!html.contains("Secret draft goal"))
            // The open round is not public either.
            #expect(!html.contains("The bill is with parliament"))
            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            let members = try await cso.get(app, "/reports/midterm.html?state=Mongolia").body.string
            #expect(members.contains("Secret draft goal"))
            let docx = try await cso.get(app, "/reports/midterm.docx?state=Mongolia")
            #expect(docx.headers.contentType?.subType == "vnd.openxmlformats-officedocument.wordprocessingml.document")
            #expect(docx.headers.first(name: .contentDisposition)?.contains("midterm-report-mongolia-en.docx") == true)
            #expect(try await cso.get(app, "/reports/midterm.docx?state=Atlantis").status == .notFound)
            var headers = HTTPHeaders()
            headers.add(name: .acceptLanguage, value: "mn")
            var mongolian = ""
            try await app.testing().test(.GET, "/reports/midterm.html?state=Mongolia", headers: headers) {
                mongolian = $0.body.string
            }
            #expect(mongolian.contains("хагас хугацааны тайлан"))
        }
    }

    /// The HTML report carries its style inside it (it is also saved and opened as a file); the site's policy
    /// refuses inline styles, so the report's response names that one style by its SHA-256 and nothing else.
    @Test(arguments: TestDatabase.allCases)
    func theHTMLReportsPolicyAllowsItsOwnStyleOnly(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let page = try await Browser.anonymous.get(app, "/reports/midterm.html?state=Mongolia&cycle=1")
            let html = page.body.string
            let style = try #require(
                html.range(of: "<style>").flatMap { open in
                    html[open.upperBound...].range(of: "</style>").map { String(html[open.upperBound..<$0.lowerBound]) }
                })
            let digest = Data(SHA256.hash(data: Array(style.utf8))).base64EncodedString()
            let policy = try #require(page.headers.first(name: "Content-Security-Policy"))
            #expect(policy.contains("style-src 'self' 'sha256-\(digest)';"))
            #expect(policy.contains("default-src 'self'") && policy.contains("frame-ancestors 'none'"))
            #expect(html.components(separatedBy: "<style>").count == 2)
            // Every other page keeps the strict policy.
            let home = try await Browser.anonymous.get(app, "/")
            #expect(home.headers.first(name: "Content-Security-Policy")?.contains("style-src 'self';") == true)
        }
    }

    @Test func docxTextIsEscapedAndLinesBreak() throws {
        var document = WordDocument(title: "T", language: "en")
        document.field("Goal", "A < B & \"C\"\nsecond line")
        let body = try #require(try unzip(DocxWriter.data(document))["word/document.xml"])
        #expect(body.contains("A &lt; B &amp; &quot;C&quot;</w:t><w:br/><w:t xml:space=\"preserve\">second line"))
    }

    /// The parts of a zip package as text.
    func unzip(_ data: Data) throws -> [String: String] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        return parts
    }
}
