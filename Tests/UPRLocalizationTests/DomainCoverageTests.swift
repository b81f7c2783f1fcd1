import Testing
import UPRDomain

@testable import UPRLocalization

/// Every value the domain defines has a label in both languages. These iterate the domain's own lists, so adding a
/// cluster, issue, mechanism or group of affected persons without translating it fails here.
@Suite struct DomainCoverageTests {
    let localizer: Localizer

    init() throws {
        localizer = try Localizer.bundled()
    }

    private func expectTranslated(_ key: String, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for language in Language.allCases {
            #expect(
                localizer.value(key, language) != nil, "\(context): no \(language.rawValue) value for \(key)",
                sourceLocation: sourceLocation)
        }
    }

    @Test func taxonomies() {
        for taxonomy in Taxonomy.allCases { expectTranslated(CatalogKey.taxonomy(taxonomy), "taxonomy \(taxonomy)") }
    }

    @Test func clustersAndSubThemes() {
        for cluster in Cluster.allCases {
            expectTranslated(CatalogKey.cluster(cluster), "cluster \(cluster)")
            for name in cluster.subThemes {
                expectTranslated(CatalogKey.subTheme(cluster, name), "sub-theme \(name)")
                #expect(localizer.value(CatalogKey.subTheme(cluster, name), .en) == name)
            }
        }
    }

    @Test func everyUPRInfoIssueUnderItsExactName() {
        #expect(UPRInfoIssue.all.count == 54)
        let keys = UPRInfoIssue.all.map { CatalogKey.issue($0.name) }
        #expect(Set(keys).count == keys.count, "two issues share a slug")
        for issue in UPRInfoIssue.all {
            expectTranslated(CatalogKey.issue(issue.name), "issue \(issue.name)")
            #expect(localizer.value(CatalogKey.issue(issue.name), .en) == issue.name)
        }
        let catalogIssues = localizer.keys(.en).filter { $0.hasPrefix("issue.") }
        #expect(catalogIssues == Set(keys), "catalog issues that are not UPR Info issues")
    }

    @Test func sdgsMatchTheDomainTitles() {
        #expect(SDG.goals.count == 17)
        for goal in SDG.goals {
            expectTranslated(CatalogKey.sdg(goal.number), "SDG \(goal.number)")
            #expect(localizer.value(CatalogKey.sdg(goal.number), .en) == goal.title)
        }
    }

    @Test func actionCategoriesResponsesMechanismsKinds() {
        for category in ActionCategory.allCases {
            expectTranslated(CatalogKey.action(category), "action \(category)")
            expectTranslated(CatalogKey.actionDescription(category), "action description \(category)")
        }
        for response in Response.allCases { expectTranslated(CatalogKey.response(response), "response") }
        for mechanism in Mechanism.allCases { expectTranslated(CatalogKey.mechanism(mechanism), "mechanism") }
        for kind in RecordKind.allCases { expectTranslated(CatalogKey.kind(kind), "record kind") }
    }

    @Test func affectedPersons() {
        let keys = AffectedPersons.common.map(CatalogKey.affectedPersons)
        #expect(Set(keys).count == keys.count, "two groups share a slug")
        for name in AffectedPersons.common {
            expectTranslated(CatalogKey.affectedPersons(name), "affected persons \(name)")
            #expect(localizer.value(CatalogKey.affectedPersons(name), .en)?.lowercased() == name.lowercased())
        }
    }

    @Test func cyclesThemeGroupsRegions() {
        expectTranslated(CatalogKey.cycle, "cycle")
        #expect(localizer.value(CatalogKey.cycle, .en).map(Placeholders.names(in:)) == ["n"])
        for group in CatalogKey.themeGroups { expectTranslated(CatalogKey.themeGroup(group), "theme group") }
        for region in CatalogKey.regions { expectTranslated(CatalogKey.region(region), "region") }
    }

    /// Every OHCHR theme code letter the domain maps to a cluster has a group name.
    @Test func everyThemeLetterTheDomainKnows() {
        for letter in ["A", "B", "D", "E", "F", "G", "H"] {
            let theme = OHCHRTheme(heading: "\(letter)1 Example")
            #expect(theme.code?.first.map(String.init) == letter)
            expectTranslated(CatalogKey.themeGroup(theme.code ?? ""), "theme group \(letter)")
        }
    }
}
