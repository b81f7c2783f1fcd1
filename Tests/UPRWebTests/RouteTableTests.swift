import Foundation
import Testing
import UPRStore
import VaporTesting

@testable import UPRWeb

/// The route table is the only place a path is written: registration, links and the `return=` guard derive from it.
@Suite struct RouteTableTests {
    @Test(
        "every endpoint is registered once, at its method and pattern, and nothing else is",
        arguments: TestDatabase.allCases)
    func registration(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let registered = app.routes.all.map {
                "\($0.method.rawValue) /" + $0.path.map(\.description).joined(separator: "/")
            }
            let table = Endpoint.allCases.map { "\($0.method.rawValue) \($0.path)" }
            #expect(Set(registered).count == registered.count, "a route is registered twice")
            #expect(Set(registered) == Set(table))
            #expect(Set(table).count == Endpoint.allCases.count, "two endpoints share a method and a pattern")
        }
    }

    @Test("an address built from each endpoint is served by an endpoint of the same pattern and method")
    func filledPatternsMatch() {
        for endpoint in Endpoint.allCases {
            let parameters = endpoint.segments.filter { $0.hasPrefix(":") }.map { _ in "7" }
            let path = endpoint.path(parameters)
            #expect(!path.contains(":"), "\(endpoint): \(path)")
            let served = Endpoint.serving(path[...], method: endpoint.method)
            #expect(served?.path == endpoint.path, "\(endpoint): \(path) is served by \(String(describing: served))")
            #expect(Endpoint.methods(serving: path[...]).contains(endpoint.method))
        }
    }

    @Test("typed routes fill their pattern, percent-encode their values and keep their query")
    func hrefs() {
        #expect(SiteRoute.home.href == "/")
        #expect(SiteRoute.planEntry(12).href == "/plan/entries/12")
        #expect(SiteRoute.planEntry(12).href(at: "indicators-title") == "/plan/entries/12#indicators-title")
        #expect(SiteRoute.assessment(round: 3, recommendationID: 41).href == "/assessments/3/recommendations/41")
        #expect(SiteRoute.meetingTask(meetingID: 5, .minutes).href == "/meetings/5/minutes")
        #expect(SiteRoute.state("Côte d'Ivoire").href == "/states/C%C3%B4te%20d'Ivoire")
        #expect(SiteRoute.state("a/b").href == "/states/a%2Fb")
        #expect(SiteRoute.newIndicator(planEntryID: 4).href == "/indicators/new?entry=4")
        #expect(SiteRoute.newRound(meetingID: 2).href == "/assessments/new?meeting=2")
        #expect(SiteRoute.midTermReport(.docx, state: "Mongolia").href == "/reports/midterm.docx?state=Mongolia")
        #expect(SiteRoute.plan(.workingGroup(3)).href == "/plan?group=3")
        #expect(SiteRoute.planIndex.href == "/plan")
        #expect(SiteRoute.login(returnTo: "/plan?group=3#x").href == "/login?return=%2Fplan%3Fgroup%3D3%23x")
        #expect(SiteRoute.personalCalendar(token: "abc").href == "/calendar/abc.ics")
        // A place in a page keeps its route's query; the round's filter and page, and a registry search in the API,
        // carry their values in the same order as the pages that link to them.
        #expect(SiteRoute.actionItems.at("action-4").href == "/action-items#action-4")
        #expect(SiteRoute.round(3, show: .all, page: 1).href == "/assessments/3")
        #expect(SiteRoute.round(3, show: .disagreements, page: 2).href == "/assessments/3?show=disagreements&page=2")
        var filter = RecommendationFilter()
        filter.q = "torture"
        #expect(SiteRoute.api(.recommendations(filter, page: 2)).href == "/api/v1/recommendations?q=torture&page=2")
        #expect(SiteRoute.api(.recommendations()).href == "/api/v1/recommendations")
    }

    @Test("the quick path of the encoder keeps exactly what Foundation's would, for every character of a test text")
    func encodingAgreesWithFoundation() {
        let characters = (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) } + ["é", "Ө", "ү", "\u{1F600}", "\n"]
        for character in characters {
            for value in [character, "a" + character + "7"] {
                #expect(
                    SiteRoute.segment(value)
                        == value.addingPercentEncoding(withAllowedCharacters: SiteRoute.segmentAllowed), "\(value)")
                #expect(
                    SiteRoute.query([("q", value)])
                        == "?q=" + value.addingPercentEncoding(withAllowedCharacters: SiteRoute.queryAllowed)!,
                    "\(value)")
            }
        }
        #expect(Endpoint.recommendation.path(["12"]) == "/recommendations/12")
        #expect(Endpoint.moveAgendaItem.path(["5", "9"]) == "/meetings/5/agenda/9/move")
        #expect(Endpoint.home.path([]) == "/")
    }

    @Test("the frame's fixed links are written as the addresses of their routes, every one of them")
    func fixedLinks() throws {
        let written = try JSONDecoder().decode(
            [String: String].self, from: try JSONEncoder().encode(SiteLinks.shared))
        let fields = Mirror(reflecting: SiteLinks.shared).children
        #expect(written.count == fields.count)
        for field in fields {
            #expect(written[field.label ?? ""] == (field.value as? SiteRoute)?.href, "\(field.label ?? "")")
        }
        #expect(written["inbox"] == "/inbox")
        #expect(written["home"] == "/")
    }

    @Test("a return address is kept only when it is a page of this site")
    func returnGuard() {
        for kept in [
            "/", "/plan?group=3", "/recommendations/12#discussion", "/states/Mongolia", "/account/subscriptions",
        ] {
            #expect(LocalPath.safe(kept, otherwise: .inbox) == kept, "\(kept)")
        }
        for refused in [
            nil, "", "//evil.example/", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "/nowhere",
            "/plan/entries/12/answer", "/recommendations/12/extra/parts", "plan",
        ] {
            #expect(LocalPath.safe(refused, otherwise: .inbox) == "/inbox", "\(String(describing: refused))")
        }
    }
}
