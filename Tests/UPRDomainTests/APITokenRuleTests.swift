import Testing
import UPRDomain

/// The rules of API tokens: scope names, when a token works, and the rights it acts with.
@Suite struct APITokenRuleTests {
    @Test func scopesAreReadAndWrittenInOneOrder() {
        #expect(APIScope.parse("read measurements:write") == [.read, .measurementsWrite])
        #expect(APIScope.parse("plan:write,read") == [.planWrite, .read])
        #expect(APIScope.parse("read admin") == nil)
        #expect(APIScope.parse("") == [])
        #expect(
            APIScope.text([.translationsWrite, .read, .measurementsWrite])
                == "read measurements:write translations:write")
        #expect(
            APIScope.allCases.map(\.rawValue) == [
                "read", "measurements:write", "assessments:write", "plan:write", "translations:write",
            ])
    }

    @Test func aTokenWorksThroughItsLastDayUntilRevoked() {
        let day = CalendarDay("2026-06-30")!
        #expect(APITokenState.of(expiresOn: nil, revoked: false, today: day) == .active)
        #expect(APITokenState.of(expiresOn: day, revoked: false, today: day) == .active)
        #expect(APITokenState.of(expiresOn: CalendarDay("2026-06-29"), revoked: false, today: day) == .expired)
        #expect(APITokenState.of(expiresOn: CalendarDay("2099-01-01"), revoked: true, today: day) == .revoked)
    }

    /// A token never does more than its organisation's people: never an administrator's rights, a ministry's
    /// token enters its own indicators' measurements, an observer organisation's only as a data partner.
    @Test func aTokenActsWithItsOrganisationsRightsAndNeverMore() {
        for kind in OrganisationKind.allCases {
            let token = Principal.token(organisationID: 7, kind: kind, workingGroupIDs: [3])
            #expect(token.role != .administrator)
            #expect(!Authorization.allows(token, .manageAPITokens))
            #expect(!Authorization.allows(token, .reviewMeasurement))
            #expect(!Authorization.allows(token, .manageAccounts))
            #expect(Authorization.allows(token, .enterMeasurement(responsibleOrganisationID: 9, dataPartnerIDs: [7])))
            #expect(!Authorization.allows(token, .enterMeasurement(responsibleOrganisationID: 9, dataPartnerIDs: [8])))
        }
        let ministry = Principal.token(organisationID: 7, kind: .ministry, workingGroupIDs: [])
        #expect(Authorization.allows(ministry, .enterMeasurement(responsibleOrganisationID: 7, dataPartnerIDs: [])))
        #expect(Authorization.allows(ministry, .answerPlanEntry(leadOrganisationID: 7)))
        #expect(!Authorization.allows(ministry, .answerPlanEntry(leadOrganisationID: 8)))
        let embassy = Principal.token(organisationID: 7, kind: .embassy, workingGroupIDs: [])
        #expect(!Authorization.allows(embassy, .enterMeasurement(responsibleOrganisationID: 7, dataPartnerIDs: [])))
        let cso = Principal.token(organisationID: 7, kind: .cso, workingGroupIDs: [3])
        #expect(Authorization.allows(cso, .draftPlanEntry(workingGroupID: 3)))
        #expect(!Authorization.allows(cso, .draftPlanEntry(workingGroupID: 4)))
    }
}
