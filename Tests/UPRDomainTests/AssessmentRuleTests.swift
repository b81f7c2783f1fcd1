import Testing
import UPRDomain

/// The rules behind the assessment pages: when stakeholders agree, how a status moves between rounds, whose view
/// an organisation gives, and who may assess.
@Suite struct AssessmentRuleTests {
    @Test func agreementIgnoresNoData() {
        #expect(AssessmentAgreement([]) == .single)
        #expect(AssessmentAgreement([.partial]) == .single)
        #expect(AssessmentAgreement([.partial, .noData]) == .single)
        #expect(AssessmentAgreement([.partial, .partial, .noData]) == .agree)
        #expect(AssessmentAgreement([.full, .partial]) == .disagree)
        #expect(AssessmentAgreement([.notStarted, .noData, .full]) == .disagree)
    }

    @Test func movementBetweenRounds() {
        #expect(StatusMovement(from: nil, to: nil) == nil)
        #expect(StatusMovement(from: nil, to: .partial) == .new)
        #expect(StatusMovement(from: .full, to: nil) == .dropped)
        #expect(StatusMovement(from: .notStarted, to: .partial) == .forward)
        #expect(StatusMovement(from: .partial, to: .full) == .forward)
        #expect(StatusMovement(from: .full, to: .notStarted) == .back)
        #expect(StatusMovement(from: .partial, to: .partial) == .same)
        // "No data" has no place on the scale: a move to or from it has no direction.
        #expect(StatusMovement(from: .noData, to: .full) == .changed)
        #expect(StatusMovement(from: .partial, to: .noData) == .changed)
    }

    @Test func perspectiveOfEachKindOfOrganisation() {
        #expect(Perspective(.ministry) == .government)
        #expect(Perspective(.governmentAgency) == .government)
        #expect(Perspective(.parliament) == .government)
        #expect(Perspective(.nhri) == .nhri)
        #expect(Perspective(.cso) == .civilSociety)
        #expect(Perspective(.unAgency) == .partners)
        #expect(Perspective(.embassy) == .partners)
    }

    @Test func eachStakeholderAssessesForItself() {
        let cso = Principal(userID: 1, role: .csoMember, organisationID: 10, workingGroupIDs: [3])
        let focal = Principal(userID: 2, role: .focalPoint, organisationID: 20)
        let observer = Principal(userID: 3, role: .observer, organisationID: 30)
        let admin = Principal(userID: 4, role: .administrator, organisationID: 40)
        #expect(Authorization.allows(cso, .assess(organisationID: 10)))
        #expect(!Authorization.allows(cso, .assess(organisationID: 20)))
        #expect(Authorization.allows(focal, .assess(organisationID: 20)))
        #expect(!Authorization.allows(focal, .assess(organisationID: 10)))
        #expect(!Authorization.allows(observer, .assess(organisationID: 30)))
        #expect(!Authorization.allows(nil, .assess(organisationID: 10)))
        // The secretariat records for a stakeholder that sent its assessment on paper.
        #expect(Authorization.allows(admin, .assess(organisationID: 10)))
        #expect(Authorization.allows(admin, .manageAssessmentRounds))
        #expect(!Authorization.allows(cso, .manageAssessmentRounds))
        #expect(!Authorization.allows(focal, .manageAssessmentRounds))
    }

    @Test func statusesAreOrderedByProgress() {
        #expect(ImplementationStatus.notStarted.rank < ImplementationStatus.partial.rank)
        #expect(ImplementationStatus.partial.rank < ImplementationStatus.full.rank)
        #expect(ImplementationStatus.allCases.map(\.rawValue) == ["not-started", "partial", "full", "no-data"])
    }

    /// Several assessors of one perspective: the chart and the report show the least progress any of them saw,
    /// "no data" only when nobody could tell, and "not assessed" when nobody answered.
    @Test func mostCautiousStatusWins() {
        #expect(DashboardStatus.mostCautious([.full, .partial, .noData]) == .partial)
        #expect(DashboardStatus.mostCautious([.full, .notStarted]) == .notStarted)
        #expect(DashboardStatus.mostCautious([.noData, .full]) == .full)
        #expect(DashboardStatus.mostCautious([.noData, .noData]) == .noData)
        #expect(DashboardStatus.mostCautious([]) == .notAssessed)
        // The SQL the dashboards run is the same rule: each status's number decodes back to it.
        #expect(
            DashboardStatus.rankSQL
                == "CASE a.status WHEN 'not-started' THEN 1 WHEN 'partial' THEN 2 WHEN 'full' THEN 3 WHEN 'no-data' THEN 9 END"
        )
        #expect(
            [1, 2, 3, 9, nil].map(DashboardStatus.init(rank:)) == [.notStarted, .partial, .full, .noData, .notAssessed])
    }
}
