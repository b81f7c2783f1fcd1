import Testing
import UPRDomain

/// Who drafts plan entries: a CSO member for their own working groups, the secretariat for any; and who is offered
/// a link to start one where a recommendation has none.
@Suite struct PlanRuleTests {
    let admin = Principal(userID: 1, role: .administrator, organisationID: 10)
    let cso = Principal(userID: 2, role: .csoMember, organisationID: 11, workingGroupIDs: [1, 3])
    let csoWithoutGroup = Principal(userID: 3, role: .csoMember, organisationID: 15)
    let focal = Principal(userID: 4, role: .focalPoint, organisationID: 12)
    let observer = Principal(userID: 5, role: .observer, organisationID: 13)

    @Test func aCSOMemberDraftsForTheirOwnGroupsOnly() {
        #expect(Authorization.allows(cso, .draftPlanEntry(workingGroupID: 3)))
        #expect(!Authorization.allows(cso, .draftPlanEntry(workingGroupID: 2)))
        #expect(Authorization.allows(admin, .draftPlanEntry(workingGroupID: 2)))
        for person in [csoWithoutGroup, focal, observer] {
            #expect(!Authorization.allows(person, .draftPlanEntry(workingGroupID: 1)))
        }
    }

    @Test func startingAnEntryNeedsAGroupToDraftFor() {
        #expect(Authorization.allows(cso, .startPlanEntry))
        #expect(Authorization.allows(admin, .startPlanEntry))
        for person in [csoWithoutGroup, focal, observer] {
            #expect(!Authorization.allows(person, .startPlanEntry))
        }
        #expect(!Authorization.allows(nil, .startPlanEntry))
    }
}
