import Foundation
import Testing
import UPRDomain
import UPRLocalization
import UPRStore

@testable import UPRWeb

/// View models are functions of a read model and a `PageContext`: these build pages with no server, no database
/// and no request, in both languages and for the public and a signed-in person.
@Suite struct PageContextTests {
    /// Counts as the home page's query returns them (Mongolia's second cycle, from the demo registry's shape).
    static let statistics = try! JSONDecoder().decode(
        RegistryStatistics.self,
        from: Data(
            """
            {"recommendations": 164, "voluntaryPledges": 2, "concernsObservations": 0, "states": 1,
             "byMechanism": {"upr": 164}, "concernsByMechanism": {},
             "byResponse": {"supported": 150, "noted": 14, "pending": 0},
             "byCycle": {"2": 164}, "byCluster": {"women-children": 40},
             "byState": {"Mongolia": 164}}
            """.utf8))

    @Test func homePageIsBuiltFromItsCountsInEitherLanguage() {
        let english = HomeView.make(Self.statistics, PageContext(language: .en))
        let mongolian = HomeView.make(Self.statistics, PageContext(language: .mn))
        #expect(english.layout.lang == "en")
        #expect(mongolian.layout.lang == "mn")
        #expect(english.heading != mongolian.heading)
        // The pending bar is left out when nothing is pending; the others link to the list they count.
        #expect(english.byResponse.map(\.count) == ["150", "14"])
        #expect(english.byResponse.first?.href.href == "/recommendations?response=supported&kind=recommendation")
        #expect(english.byState.first?.percent == 100)
        // The public has no inbox and no administration link.
        #expect(english.layout.inboxLabel == nil)
        #expect(!english.layout.nav.contains { $0.href == .admin })
    }

    @Test func theFrameShowsWhoIsSignedIn() {
        let administrator = PageContext(
            language: .en, principal: Principal(userID: 1, role: .administrator, organisationID: nil),
            userName: "Bat", csrf: "token", unread: 3, here: "/plan?state=Mongolia")
        let page = HomeView.make(Self.statistics, administrator)
        #expect(page.layout.userName == "Bat")
        #expect(page.layout.csrf == "token")
        #expect(page.layout.unread == 3)
        #expect(page.layout.inboxLabel?.contains("3") == true)
        #expect(page.layout.nav.contains { $0.href == .admin })
        // The language links come back to the page the person is on.
        #expect(page.layout.languages.allSatisfy { $0.href.href.contains("plan%3Fstate%3DMongolia") })
    }

    @Test func theFollowButtonAsksThePublicToSignIn() {
        let here = "/plan?organisation=4"
        let anonymous = SubscribeButton.make(
            .organisation, key: "4", name: "Ministry of Justice", following: false,
            PageContext(language: .en, here: here))
        #expect(anonymous.markup.contains("/login?return=%2Fplan%3Forganisation%3D4"))
        #expect(!anonymous.markup.contains("<form"))
        let member = PageContext(
            language: .mn, principal: Principal(userID: 2, role: .csoMember, organisationID: 7), csrf: "abc", here: here
        )
        let following = SubscribeButton.make(
            .organisation, key: "4", name: "Ministry of Justice", following: true, member)
        #expect(following.markup.contains("name=\"_csrf\" value=\"abc\""))
        #expect(following.markup.contains("action=\"/subscriptions/remove\""))
    }
}
