import Foundation
import Testing
import UPRDomain

@testable import UPRLocalization

@Suite struct TranslatorTests {
    let en = Translator(.en)
    let mn = Translator(.mn)

    @Test func messagesAndFormatting() {
        #expect(en("nav.skip") == "Skip to main content")
        #expect(mn("lang.label") == "Хэл")
        #expect(en.plural("home.total", count: 2) == "2 recommendations")
        #expect(en.number(29_304) == "29,304")
        #expect(mn.number(29_304) == "29\u{00A0}304")
        #expect(mn.date(FormattingTests.firstReview) == "2010 оны 11 сарын 2")
        #expect(en.percent(0.55) == "55%")
        #expect(en.language == .en)
    }

    @Test func domainLabels() {
        #expect(en.taxonomy(.issue) == "UPR Info issues")
        #expect(en.cluster(.women) == "Women's rights")
        #expect(mn.cluster(.children) == "Хүүхдийн эрх")
        #expect(en.issue("Women's rights") == "Women's rights")
        #expect(mn.issue("Women's rights") == "Эмэгтэйчүүдийн эрх")
        #expect(mn.issue("women's RIGHTS") == "Эмэгтэйчүүдийн эрх")
        #expect(mn.issue("Death penalty") == "Цаазаар авах ял")
        #expect(en.sdg(16) == "Peace, justice and strong institutions")
        #expect(mn.sdgLabel(16) == "ТХЗ 16")
        #expect(en.action(.specific) == "Specific action")
        #expect(en.actionDescription(.specific).contains("ratify"))
        #expect(mn.response(.supported) == "Дэмжсэн")
        #expect(mn.response(.noted) == "Тэмдэглэн авсан")
        #expect(en.mechanism(.crc) == "Committee on the Rights of the Child")
        #expect(mn.mechanism(.cat) == "Эрүүдэн шүүхийн эсрэг хороо")
        #expect(en.affectedPersons("children") == "Children")
        #expect(mn.affectedPersons("persons with disabilities") == "Хөгжлийн бэрхшээлтэй хүмүүс")
        #expect(mn.subTheme(.escRights, "Mining") == "Уул уурхай")
        #expect(en.subTheme(.justice, "Human rights defenders") == "Human rights defenders")
        #expect(en.cycle(2) == "Cycle 2")
        #expect(mn.cycle(2) == "2-р мөчлөг")
        #expect(en.kind(.voluntaryPledge) == "Voluntary pledge")
        #expect(en.themeGroup("D29") == "Civil and political rights")
        #expect(mn.region("WEOG") == "Баруун Европ болон бусад орнууд")
    }

    @Test func unknownNamesComeBackAsGiven() {
        #expect(mn.issue("Space exploration") == "Space exploration")
        #expect(mn.affectedPersons("astronauts") == "astronauts")
        #expect(mn.subTheme(.children, "Mining") == "Mining")
        #expect(en.sdg(18) == "SDG 18")
        #expect(mn.sdg(0) == "ТХЗ 0")
        #expect(en.themeGroup("Z9") == "Z9")
        #expect(en.region("Unknown") == "Unknown")
    }

    @Test func everyDomainLabelIsTranslatedNotEchoed() {
        for issue in UPRInfoIssue.all { #expect(mn.issue(issue.name) != issue.name, "issue \(issue.name)") }
        for name in AffectedPersons.common { #expect(mn.affectedPersons(name) != name, "affected \(name)") }
        for cluster in Cluster.allCases {
            for name in cluster.subThemes { #expect(mn.subTheme(cluster, name) != name, "sub-theme \(name)") }
        }
        for goal in SDG.goals { #expect(mn.sdg(goal.number) != goal.title) }
    }

    @Test(arguments: [
        ("Women's rights", "women-s-rights"), ("HIV - Aids", "hiv-aids"),
        ("Asylum-seekers - refugees", "asylum-seekers-refugees"),
        ("refugees & asylum seekers", "refugees-asylum-seekers"),
        ("persons living with HIV/AIDS", "persons-living-with-hiv-aids"),
        ("  --Trim me--  ", "trim-me"), ("", ""), ("Эрх", "эрх"),
    ])
    func slugs(name: String, slug: String) {
        #expect(CatalogKey.slug(name) == slug)
    }

    @Test func keysOfDomainLabels() {
        #expect(CatalogKey.issue("Women's rights") == "issue.women-s-rights")
        #expect(CatalogKey.subTheme(.escRights, "Small-scale miners") == "subtheme.esc-rights.small-scale-miners")
        #expect(CatalogKey.actionDescription(.minimal) == "action.1.description")
        #expect(CatalogKey.mechanism(.specialProcedures) == "mechanism.special-procedures")
        #expect(CatalogKey.themeGroup(" f12") == "theme.group.F")
    }
}
