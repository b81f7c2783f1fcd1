import Testing
import UPRDomain

@Suite struct ResponseTests {
    @Test func readsTheSpellingsOfEverySource() {
        #expect(Response(parsing: "Accepted") == .supported)
        #expect(Response(parsing: " supported ") == .supported)
        #expect(Response(parsing: "Noted") == .noted)
        #expect(Response(parsing: "NOTED") == .noted)
        #expect(Response(parsing: "Pending") == .pending)
        // "Partially supported" is not a formal category (DOMAIN.md): it must not be guessed.
        #expect(Response(parsing: "Partially supported") == nil)
        #expect(Response(parsing: "Maybe") == nil)
    }
}

@Suite struct CycleTests {
    @Test(arguments: [(1, 1), (12, 1), (13, 2), (22, 2), (26, 2), (27, 3), (40, 3), (41, 4), (48, 4)])
    func sessionsMapToCycles(session: Int, cycle: Int) {
        #expect(Cycle.of(session: session) == cycle)
    }

    @Test func noCycleBeforeTheFirstSession() {
        #expect(Cycle.of(session: 0) == nil)
    }
}

@Suite struct TaxonomyTests {
    @Test func fiftyFourIssuesEachOnce() {
        #expect(UPRInfoIssue.all.count == 54)
        #expect(Set(UPRInfoIssue.all.map(\.name)).count == 54)
        #expect(UPRInfoIssue.canonical("women's RIGHTS") == "Women's rights")
        #expect(UPRInfoIssue.canonical("Not an issue") == nil)
    }

    @Test func issuesMapToTheSeedClusters() {
        #expect(UPRInfoIssue.cluster(of: "Torture and other CID treatment") == .justice)
        #expect(UPRInfoIssue.cluster(of: "Women's rights") == .women)
        #expect(UPRInfoIssue.cluster(of: "Rights of the Child") == .children)
        #expect(UPRInfoIssue.cluster(of: "Right to health") == .escRights)
        #expect(UPRInfoIssue.cluster(of: "Disabilities") == .vulnerableGroups)
        #expect(UPRInfoIssue.cluster(of: "International instruments") == nil)
        // Every cluster is reachable from some issue.
        #expect(Set(UPRInfoIssue.all.compactMap(\.cluster)) == Set(Cluster.allCases))
    }

    @Test func ohchrThemeHeadingsInEveryLayout() {
        let coded = OHCHRTheme(heading: "D29 Domestic violence")
        #expect(coded == OHCHRTheme(code: "D29", name: "Domestic violence"))
        #expect(coded.cluster == .women)
        let numbered = OHCHRTheme(heading: "2.1. Acceptance of international norms")
        #expect(numbered.code == "2.1")
        #expect(numbered.name == "Acceptance of international norms")
        let plain = OHCHRTheme(heading: "- Rights of the child")
        #expect(plain.code == nil)
        #expect(plain.cluster == .children)
        #expect(OHCHRTheme(heading: "A12 Acceptance of international norms").cluster == nil)
        #expect(OHCHRTheme(heading: "E41 Right to health - General").cluster == .escRights)
        #expect(OHCHRTheme(heading: "F12 Discrimination against women").cluster == .women)
        #expect(OHCHRTheme(heading: "Freedom of opinion and expression").cluster == .justice)
    }

    @Test func sdgsHave169Targets() {
        #expect(SDG.goals.count == 17)
        #expect(SDG.allTargets.count == 169)
        #expect(SDG.targets(ofGoal: 16).contains("16.9"))
        #expect(SDG.targets(ofGoal: 17).last == "17.19")
        #expect(SDG.goal(parsing: "- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS") == 16)
        #expect(SDG.goal(parsing: "SDG 5") == 5)
        #expect(SDG.goal(parsing: "18 - nothing") == nil)
    }

    @Test func slugsAreStable() {
        #expect(Slug.make("Women's rights") == "women-s-rights")
        #expect(Slug.make("  HIV - Aids ") == "hiv-aids")
        #expect(Slug.make("Эрүүдэн шүүх") == "эрүүдэн-шүүх")
    }
}

@Suite struct RecordTests {
    @Test func naturalKeyUsesParagraphElseNormalisedText() {
        let a = RecommendationRecord(
            stateUnderReview: "Mongolia", session: 9, text: "Ratify  the\tConvention ", recommendingStates: ["France"],
            response: .supported)
        var b = a
        b.text = "Ratify the Convention"
        b.recommendingStates = ["Mexico"]
        #expect(a.naturalKey == b.naturalKey)
        #expect(a.cycle == 1)
        var c = a
        c.paragraph = "84.1"
        #expect(c.naturalKey == "Mongolia|s9|para:84.1")
    }

    @Test func clustersComeFromIssuesAndThemesWithoutRepeats() {
        let record = RecommendationRecord(
            stateUnderReview: "Mongolia", text: "x", recommendingStates: [], response: .noted,
            issues: ["Women's rights", "Rights of the Child", "International instruments"],
            themes: [OHCHRTheme(code: "D29", name: "Domestic violence")])
        #expect(record.clusters == [.women, .children])
    }

    @Test func whitespaceIsCollapsed() {
        #expect(TextKey.normalize("  a \r\n b\u{00A0}c  ") == "a b c")
    }
}
