import Foundation
import Testing
import UPRWeb
import VaporTesting

/// Every page, in both languages, on both engines, with the demo data.
@Suite struct PageTests {
    @Test(arguments: TestDatabase.allCases)
    func homeShowsCountsAndLinksIntoTheList(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            try await app.testing().test(.GET, "/") { response in
                #expect(response.status == .ok)
                #expect(response.headers.contentType?.subType == "html")
                let html = response.body.string
                #expect(html.contains("<html lang=\"en\">"))
                #expect(html.contains("131 recommendations"))  // 129 of cycle 1 and the seed's 2 of cycle 2
                #expect(html.contains("/recommendations?response=noted&amp;kind=recommendation"))
                #expect(html.contains("Mongolia"))
                #expect(response.body.readableBytes < 100_000)
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func languageFollowsTheBrowserUntilChosen(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            var headers = HTTPHeaders()
            headers.add(name: .acceptLanguage, value: "mn-MN,mn;q=0.9,en;q=0.5")
            try await app.testing().test(.GET, "/", headers: headers) { response in
                #expect(response.body.string.contains("<html lang=\"mn\">"))
                #expect(response.body.string.contains("131 зөвлөмж"))
                #expect(response.headers.first(name: .contentLanguage) == "mn")
            }
            // The switch sets a cookie and returns to the page; the choice then beats the header.
            try await app.testing().test(.GET, "/language/en?return=/states", headers: headers) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location) == "/states")
                let cookie = try #require(response.headers.setCookie?["upr_lang"])
                #expect(cookie.string == "en")
                var chosen = headers
                chosen.cookie = HTTPCookies(dictionaryLiteral: ("upr_lang", HTTPCookies.Value(string: "en")))
                try await app.testing().test(.GET, "/", headers: chosen) { page in
                    #expect(page.body.string.contains("<html lang=\"en\">"))
                }
            }
            // Only local paths are accepted as the return address.
            try await app.testing().test(.GET, "/language/mn?return=//evil.example/") { response in
                #expect(response.headers.first(name: .location) == "/")
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func searchFilterAndPage(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await app.importFiles([Fixture.session9])
            try await app.testing().test(.GET, "/recommendations?q=torture&state=Mongolia") { response in
                #expect(response.status == .ok)
                let html = response.body.string
                #expect(html.contains("Recommendations matching “torture”"))
                #expect(html.contains("Optional Protocol to the Convention against Torture"))
                #expect(!html.contains("/states/Jamaica"))
            }
            try await app.testing().test(.GET, "/recommendations?response=noted&state=Mongolia") { response in
                #expect(response.body.string.contains("Showing 1 to 3 of 3"))
            }
            try await app.testing().test(.GET, "/recommendations?cluster=children&page=2&per=10") { response in
                let html = response.body.string
                #expect(html.contains("Showing 11 to 20 of"))
                #expect(html.contains("rel=\"prev\""))
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func badInputIsA400WithTheParameterNamedAndEscaped(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            try await app.testing().test(.GET, "/recommendations?cycle=9") { response in
                #expect(response.status == .badRequest)
                #expect(response.body.string.contains("“cycle”"))
                #expect(response.body.string.contains("from 1 to 4"))
            }
            try await app.testing().test(.GET, "/recommendations?response=%3Cscript%3Ealert(1)%3C/script%3E") {
                response in
                #expect(response.status == .badRequest)
                #expect(!response.body.string.contains("<script>"))
                #expect(response.body.string.contains("&lt;script&gt;"))
            }
            try await app.testing().test(.GET, "/recommendations?q=%22unclosed%20AND%20OR%20NOT%20*%20(") { response in
                #expect(response.status == .ok)
            }
            try await app.testing().test(.GET, "/recommendations/999999") { response in
                #expect(response.status == .notFound)
                #expect(response.body.string.contains("does not exist"))
            }
            try await app.testing().test(.GET, "/recommendations/abc") { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func recommendationPageShowsHistoryProvenanceAndParagraph(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let id = try await app.sql().raw("SELECT id FROM recommendations WHERE paragraph = '108.42'").first()!
                .decode(column: "id", as: Int.self)
            try await app.testing().test(.GET, "/recommendations/\(id)") { response in
                #expect(response.status == .ok)
                let html = response.body.string
                #expect(html.contains("Adopt a comprehensive law against discrimination"))
                #expect(html.contains("Czech Republic"))
                #expect(html.contains("A/HRC/30/6"))
                #expect(html.contains("History of the response"))
                #expect(html.contains("Other recommendations in paragraph 108"))
                #expect(html.contains("108.103"))
                #expect(html.contains("coordination-meeting-outcome-report"))
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func stateAndTaxonomyPages(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            try await app.testing().test(.GET, "/states") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("/states/Mongolia"))
            }
            try await app.testing().test(.GET, "/states/Mongolia") { response in
                let html = response.body.string
                #expect(html.contains("131 recommendations received"))
                #expect(html.contains("A/HRC/30/6"))
            }
            try await app.testing().test(.GET, "/states/Atlantis") { response in
                #expect(response.status == .notFound)
            }
            for taxonomy in ["cluster", "issue", "theme", "affected-persons", "sdg"] {
                try await app.testing().test(.GET, "/taxonomies/\(taxonomy)") { response in
                    #expect(response.status == .ok, "\(taxonomy)")
                }
            }
            try await app.testing().test(.GET, "/taxonomies/cluster") { response in
                let html = response.body.string
                #expect(html.contains("Justice and civil"))
                #expect(html.contains("Small-scale miners"))
            }
            var headers = HTTPHeaders()
            headers.add(name: .acceptLanguage, value: "mn")
            try await app.testing().test(.GET, "/taxonomies/issue", headers: headers) { response in
                #expect(response.body.string.contains("Эрүүдэн шүүх"))
            }
            try await app.testing().test(.GET, "/taxonomies/nonsense") { response in
                #expect(response.status == .notFound)
            }
            try await app.testing().test(.GET, "/assets/site.css") { response in
                #expect(response.headers.contentType?.subType == "css")
            }
        }
    }
}
