import Foundation
import Testing
import UPRDomain
import UPRLocalization

@testable import UPRStore
@testable import UPRWeb

/// The form and editor pages are built by pure functions of the records they show, the choices they offer and a
/// `PageContext`: these build them with no server, no database and no request, in both languages.
@Suite struct EditorPageTests {
    static let administrator = Principal(userID: 1, role: .administrator, organisationID: 10)
    /// A CSO member of the justice working group (group 2), of organisation 11.
    static let member = Principal(userID: 2, role: .csoMember, organisationID: 11, workingGroupIDs: [2])

    static func context(_ language: Language, _ principal: Principal? = administrator, csrf: String = "tok-1")
        -> PageContext
    {
        PageContext(language: language, principal: principal, userName: "Bat", csrf: csrf, here: "/forms")
    }

    static func organisation(_ id: Int, _ name: String, _ kind: OrganisationKind = .ministry, retired: Bool = false)
        -> Organisation
    {
        Organisation(
            id: id, name: name, kind: kind, representsState: nil, validFrom: nil,
            validTo: retired ? "2020-01-01" : nil, version: 1, formerNames: [], workingGroupIDs: [])
    }

    static let organisations = [
        organisation(10, "Ministry of Justice"), organisation(11, "Women's Rights Centre", .cso),
        organisation(12, "Old Ministry", retired: true),
        organisation(13, "National Statistics Office", .governmentAgency),
    ]

    static let groups = [
        WorkingGroup(id: 1, name: "Women", cluster: .women, version: 1, memberIDs: []),
        WorkingGroup(id: 2, name: "Justice", cluster: .justice, version: 1, memberIDs: []),
    ]

    static let recommendation = RecommendationSummary(
        id: 42, kind: .recommendation, stateUnderReview: "Mongolia", cycle: 2, session: 22, paragraph: "107.5",
        text: "Take effective measures to combat domestic violence", recommendingStates: ["Norway"],
        response: .supported, actionCategory: nil, mechanism: .upr, clusters: [.justice], issues: [])

    static var indicator: Indicator {
        var fields = IndicatorFields()
        fields.title = "Shelters per province"
        fields.unit = "shelters"
        fields.dataSource = "NSO survey"
        fields.dimensions = [.sex, .region]
        fields.responsibleOrganisationID = 10
        return Indicator(
            id: 7, fields: fields, responsibleName: "Ministry of Justice", dataPartnerNames: [], smartPasses: false,
            isPublic: true, version: 3, createdAt: "2024-01-01T00:00:00Z", updatedAt: "2024-01-01T00:00:00Z")
    }

    static var meeting: Meeting {
        var fields = MeetingFields()
        fields.title = "Justice working group: March"
        fields.workingGroupID = 2
        fields.startsLocal = "2025-03-04T10:00"
        var meeting = Meeting(
            id: 5, fields: fields, startsAt: Date(timeIntervalSince1970: 0), endsAt: Date(timeIntervalSince1970: 3600),
            organiserName: nil, workingGroupName: "Justice", status: .planned, minutes: "Minutes as recorded",
            version: 4)
        meeting.organisations = [
            .init(id: 10, name: "Ministry of Justice", invited: true, attended: true),
            .init(id: 11, name: "Women's Rights Centre", invited: true, attended: false),
        ]
        meeting.agenda = [
            AgendaItem(id: 31, position: 1, title: "Opening", notes: ""),
            AgendaItem(id: 32, position: 2, title: "Shelters", notes: ""),
        ]
        return meeting
    }

    // MARK: Indicators and measurements

    @Test func theMeasurementFormKeepsWhatWasTypedWhenItIsRefused() {
        let empty = MeasurementEditorView.build(Self.context(.en), Self.indicator, form: nil)
        let mongolian = MeasurementEditorView.build(Self.context(.mn), Self.indicator, form: nil)
        #expect(empty.heading == "Enter a measurement: Shelters per province")
        #expect(mongolian.heading != empty.heading)
        #expect(mongolian.layout.lang == "mn")
        #expect(empty.csrf == "tok-1")
        #expect(empty.layout.csrf == "tok-1")
        // An empty form starts from the indicator's unit and source.
        #expect(empty.unit == "shelters")
        #expect(empty.source == "NSO survey")
        #expect(empty.action.href == SiteRoute.measurements(indicatorID: 7).href)
        #expect(empty.dimensions.map(\.name) == ["sex", "region"])
        #expect(!empty.hasErrors)

        let typed = MeasurementForm(value: "12,5", date: "2024-05-01", unit: "%", source: "Own count", sex: "f = 3")
        let refused = MeasurementEditorView.build(
            Self.context(.en), Self.indicator, form: typed,
            errors: [FieldError(field: "value", message: "Value: not a number")])
        #expect(refused.value == "12,5")
        #expect(refused.date == "2024-05-01")
        #expect(refused.unit == "%")
        #expect(refused.source == "Own count")
        #expect(refused.dimensions.first { $0.name == "sex" }?.value == "f = 3")
        #expect(refused.hasErrors)
        #expect(refused.errors.map(\.field) == ["value"])
    }

    @Test func theIndicatorEditorSelectsTheFieldsItIsGiven() {
        var fields = Self.indicator.fields
        fields.kind = .process
        fields.dataPartnerIDs = [13]
        fields.recommendationIDs = [42, 43]
        let new = IndicatorEditorView.build(
            Self.context(.en), existing: nil, fields: fields, version: 0, organisations: Self.organisations)
        let edit = IndicatorEditorView.build(
            Self.context(.mn, csrf: "tok-2"), existing: Self.indicator, fields: fields, version: 3,
            organisations: Self.organisations)
        #expect(new.heading == "New indicator")
        #expect(edit.heading.hasSuffix(": Shelters per province"))
        #expect(edit.heading != "Edit indicator: Shelters per province")
        #expect(new.action.href == SiteRoute.indicators(IndicatorFilter()).href)
        #expect(edit.action.href == SiteRoute.indicator(7).href)
        #expect(edit.csrf == "tok-2")
        #expect(new.kinds.filter(\.selected).map(\.value) == [IndicatorKind.process.rawValue])
        #expect(new.dimensions.filter(\.selected).map(\.value) == ["sex", "region"])
        // The retired organisation is offered neither as responsible nor as partner.
        #expect(new.responsibles.map(\.value) == ["", "10", "11", "13"])
        #expect(new.responsibles.filter(\.selected).map(\.value) == ["10"])
        #expect(new.partners.filter(\.selected).map(\.value) == ["13"])
        #expect(new.recommendations == "#42, #43")
        #expect(!new.hasConflict)

        let conflict = IndicatorEditorView.build(
            Self.context(.en), existing: Self.indicator, fields: fields, version: 4, organisations: Self.organisations,
            errors: [FieldError(field: "title", message: "Someone saved first")],
            conflicts: [ConflictField(label: "Title", theirs: "Shelters", yours: "Shelters per province")])
        #expect(conflict.hasConflict)
        #expect(conflict.hasErrors)
        #expect(conflict.version == 4)
    }

    // MARK: Meetings

    @Test func theMeetingTaskFormPostsToItsTaskAndKeepsTheTypedText() {
        let choices = MeetingTaskView.Choices(
            organisations: Self.organisations, users: [],
            subjects: MeetingTaskChoices(
                planEntries: [.init(id: 8, label: "107.5 Take effective measures")],
                indicators: [.init(id: 7, label: "Shelters per province")]))
        let agenda = MeetingTaskView.build(
            Self.context(.en), Self.meeting, .agenda, choices, form: nil, version: 4)
        let mongolian = MeetingTaskView.build(
            Self.context(.mn), Self.meeting, .agenda, choices, form: nil, version: 4)
        #expect(agenda.heading == "Add an agenda item")
        #expect(mongolian.heading != agenda.heading)
        #expect(agenda.action == .meetingTask(meetingID: 5, .agenda))
        #expect(agenda.action.href == SiteRoute.meetingTask(meetingID: 5, .agenda).href)
        #expect(agenda.csrf == "tok-1")
        #expect(agenda.isAgenda && !agenda.isMinutes)
        // The minutes form starts from the minutes and the attendance as recorded.
        let minutes = MeetingTaskView.build(
            Self.context(.en), Self.meeting, .minutes, choices, form: nil, version: 4)
        #expect(minutes.form.minutes == "Minutes as recorded")
        #expect(minutes.attendingOrganisations.filter(\.selected).map(\.value) == ["10"])

        var typed = MeetingTaskForm()
        typed.title = "  Shelter funding  "
        typed.planEntryID = "8"
        typed.agendaItemID = "32"
        typed.text = "Agreed"
        typed.attendingOrganisationIDs = [11]
        let refused = MeetingTaskView.build(
            Self.context(.en), Self.meeting, .decision, choices, form: typed, version: 4,
            errors: [FieldError(field: "text", message: "Say what was decided")])
        #expect(refused.form.title == "Shelter funding")
        #expect(refused.form.text == "Agreed")
        #expect(refused.planEntries.filter(\.selected).map(\.value) == ["8"])
        #expect(refused.agendaItems.filter(\.selected).map(\.label) == ["2. Shelters"])
        #expect(refused.attendingOrganisations.filter(\.selected).map(\.value) == ["11"])
        #expect(refused.indicators.map(\.value) == ["", "7"])
        #expect(refused.hasErrors)
        #expect(refused.action.href == SiteRoute.meetingTask(meetingID: 5, .decision).href)
    }

    @Test func theMeetingEditorOffersTheGroupsThePersonMaySchedule() {
        let choices = MeetingEditorView.Choices(
            organisations: Self.organisations, workingGroups: Self.groups, users: [])
        var fields = MeetingFields()
        fields.title = "Justice working group: April"
        fields.workingGroupID = 2
        fields.invitedOrganisationIDs = [10, 13]
        let secretariat = MeetingEditorView.build(
            Self.context(.en), choices, meetingID: nil, fields: fields, version: 0)
        let member = MeetingEditorView.build(
            Self.context(.mn, Self.member), choices, meetingID: 5, fields: fields, version: 4)
        #expect(secretariat.heading == "Schedule a meeting")
        #expect(member.heading.contains("Justice working group: April"))
        #expect(member.heading != secretariat.heading)
        #expect(secretariat.action.href == SiteRoute.meetings.href)
        #expect(member.action.href == SiteRoute.meetingEdit(5).href)
        // The secretariat schedules meetings of no group too; a member only their own group's.
        #expect(secretariat.groups.map(\.value) == ["", "1", "2"])
        #expect(member.groups.map(\.value) == ["2"])
        #expect(member.groups.filter(\.selected).map(\.value) == ["2"])
        #expect(secretariat.organisations.filter(\.selected).map(\.value) == ["10", "13"])
        #expect(!secretariat.organisations.contains { $0.value == "12" })
        #expect(member.csrf == "tok-1")
        #expect(secretariat.zones.filter(\.selected).map(\.value) == [MeetingTime.defaultZone])
    }

    // MARK: Assessments

    static let round = AssessmentRound(
        id: 3, stateID: 1, stateName: "Mongolia", cycle: 2, title: "Annual assessment 2016", heldOn: "2016-11-01",
        status: .open, meetingID: nil, closedAt: nil, version: 1, assessmentCount: 1)

    static let given = Assessment(
        id: 1, roundID: 3, recommendationID: 42, organisationID: 11, organisationName: "Women's Rights Centre",
        perspective: .civilSociety, status: .partial, justification: "Two shelters opened", evidenceURL: nil,
        recordedByName: "Bat", version: 2, updatedAt: "2016-10-01T08:00:00Z")

    @Test func theAssessmentFormRecordsForTheOrganisationOfThePerson() {
        let facts = AssessmentView.Facts(
            round: Self.round, recommendation: Self.recommendation, assessments: [Self.given], organisations: [])
        let member = AssessmentView.build(Self.context(.en, Self.member), facts)
        let mongolian = AssessmentView.build(Self.context(.mn, Self.member), facts)
        #expect(member.heading == "Assessment of 107.5 – Mongolia")
        #expect(mongolian.heading != member.heading)
        #expect(member.csrf == "tok-1")
        // Their organisation's assessment is in the form, to change.
        #expect(member.canAssess)
        #expect(!member.choosesOrganisation)
        #expect(member.formHeading == "Change your organisation’s assessment")
        #expect(member.statuses.filter(\.selected).map(\.value) == ["partial"])
        #expect(member.justification == "Two shelters opened")
        #expect(member.version == 2)

        // An administrator chooses the organisation; what was typed comes back on a refusal.
        let forAdministrator = AssessmentView.Facts(
            round: Self.round, recommendation: Self.recommendation, assessments: [Self.given],
            organisations: Self.organisations)
        let form = AssessmentView.Form(
            organisationID: 10, status: "full", justification: "Law adopted", evidenceURL: "https://example.org",
            version: 0)
        let refused = AssessmentView.build(
            Self.context(.en), forAdministrator, form: form,
            errors: [FieldError(field: "evidenceURL", message: "Not a web address")])
        #expect(refused.choosesOrganisation)
        #expect(refused.organisations.map(\.value) == ["10", "11", "13"])
        #expect(refused.organisations.filter(\.selected).map(\.value) == ["10"])
        #expect(refused.formHeading == "Record your organisation’s assessment")
        #expect(refused.statuses.filter(\.selected).map(\.value) == ["full"])
        #expect(refused.justification == "Law adopted")
        #expect(refused.evidenceURL == "https://example.org")
        #expect(refused.hasErrors)

        // An observer reads the assessments but has no form, and a closed round takes none.
        let observer = Principal(userID: 3, role: .observer, organisationID: 14)
        #expect(!AssessmentView.build(Self.context(.en, observer), facts).canAssess)
        var closed = facts
        closed.round.status = .closed
        #expect(!AssessmentView.build(Self.context(.en, Self.member), closed).canAssess)
    }

    @Test func theRoundFormTakesItsDefaultsFromTheMeeting() {
        let plain = RoundFormView.build(
            Self.context(.en), RoundFormView.Facts(states: ["Mongolia", "Kazakhstan"], meeting: nil), form: nil,
            today: "2025-02-03")
        #expect(plain.heading == "Open an assessment round")
        #expect(plain.heldOn == "2025-02-03")
        #expect(plain.states.filter(\.selected).map(\.value) == ["Mongolia"])
        #expect(plain.cycles.filter(\.selected).map(\.value) == [""])
        #expect(plain.meetingHref == nil)
        #expect(plain.csrf == "tok-1")

        let fromMeeting = RoundFormView.build(
            Self.context(.mn), RoundFormView.Facts(states: ["Mongolia"], meeting: Self.meeting), form: nil,
            today: "2025-02-03")
        #expect(fromMeeting.heading != plain.heading)
        #expect(fromMeeting.title == "Justice working group: March")
        #expect(fromMeeting.heldOn == "2025-03-04")
        #expect(fromMeeting.meetingHref == .meeting(5))

        let typed = RoundFormView.Form(
            title: "Mid-term", state: "Kazakhstan", cycle: "3", heldOn: "2025-x", meeting: nil)
        let refused = RoundFormView.build(
            Self.context(.en), RoundFormView.Facts(states: ["Mongolia", "Kazakhstan"], meeting: nil), form: typed,
            errors: [FieldError(field: "heldOn", message: "Not a date")], today: "2025-02-03")
        #expect(refused.title == "Mid-term")
        #expect(refused.heldOn == "2025-x")
        #expect(refused.states.filter(\.selected).map(\.value) == ["Kazakhstan"])
        #expect(refused.cycles.filter(\.selected).map(\.value) == ["3"])
        #expect(refused.hasErrors)
    }

    // MARK: The plan

    @Test func thePlanEditorOffersTheGroupsThePersonMayDraftFor() {
        let facts = PlanEditorView.Facts(
            recommendation: Self.recommendation, entry: nil, groups: Self.groups, organisations: Self.organisations,
            similar: [])
        var fields = PlanEntryFields()
        fields.goal = "Fewer victims"
        fields.leadOrganisationID = 10
        fields.priority = .high
        let new = PlanEditorView.build(Self.context(.en, Self.member), facts, fields: fields, groupID: nil, version: 0)
        let mongolian = PlanEditorView.build(
            Self.context(.mn, Self.member), facts, fields: fields, groupID: nil, version: 0)
        #expect(new.heading == "New plan entry for 107.5")
        #expect(mongolian.heading != new.heading)
        #expect(new.isNew)
        #expect(new.csrf == "tok-1")
        // A member drafts only for their group; it is suggested from the recommendation's cluster.
        #expect(new.groups.map(\.value) == ["2"])
        #expect(new.groups.first?.selected == true)
        // Only active government bodies lead.
        #expect(new.leads.map(\.value) == ["", "10", "13"])
        #expect(new.leads.filter(\.selected).map(\.value) == ["10"])
        #expect(new.priorities.filter(\.selected).map(\.value) == ["high"])
        #expect(new.goal == "Fewer victims")
        #expect(new.action.href == SiteRoute.planEditor(recommendationID: 42).href)

        let all = PlanEditorView.build(Self.context(.en), facts, fields: fields, groupID: 1, version: 0)
        #expect(all.groups.map(\.value) == ["1", "2"])
        #expect(all.groups.filter(\.selected).map(\.value) == ["1"])
    }

    @Test func theResponseChangeFormKeepsWhatWasTyped() {
        let empty = ResponseChangeView.build(
            Self.context(.en), Self.recommendation, version: 6, today: "2025-02-03")
        let mongolian = ResponseChangeView.build(
            Self.context(.mn), Self.recommendation, version: 6, today: "2025-02-03")
        #expect(empty.heading == "Record a change of response")
        #expect(mongolian.heading != empty.heading)
        #expect(empty.current != mongolian.current)
        #expect(empty.version == 6)
        #expect(empty.effectiveDate == "2025-02-03")
        #expect(empty.csrf == "tok-1")
        // A supported recommendation is offered as noted, the change one is most likely to record.
        #expect(empty.options.filter(\.selected).map(\.value) == [UPRDomain.Response.noted.rawValue])

        let typed = ResponseChangeView.Form(
            response: "supported", effectiveDate: "2024-13-01", source: "Mid-term report", note: "As said", version: 5)
        let refused = ResponseChangeView.build(
            Self.context(.en), Self.recommendation, version: 6, form: typed,
            errors: [FieldError(field: "effectiveDate", message: "Not a date")], today: "2025-02-03")
        #expect(refused.options.filter(\.selected).map(\.value) == ["supported"])
        #expect(refused.effectiveDate == "2024-13-01")
        #expect(refused.source == "Mid-term report")
        #expect(refused.note == "As said")
        #expect(refused.version == 5)
        #expect(refused.hasErrors)
    }

    @Test func theImportPreviewNamesItsChangesAndProblems() {
        let form = PlanImportView.build(Self.context(.en), states: ["Mongolia"])
        #expect(!form.preview)
        #expect(form.applyAction == nil)
        #expect(form.summary == nil)
        #expect(form.csrf == "tok-1")
        #expect(form.heading != PlanImportView.build(Self.context(.mn), states: []).heading)

        let plan = MatrixTransfer.Plan(
            changes: [
                MatrixTransfer.Change(
                    row: 3, reference: "107.5", recommendationID: 42, entryID: nil, version: nil, workingGroupID: 2,
                    fields: PlanEntryFields(), changedFields: [.init(name: "goal", before: "", after: "Fewer victims")])
            ],
            errors: [
                MatrixTransfer.RowError(
                    row: 0, reference: "", messageKey: "matrix.error.state", arguments: ["state": "Atlantis"])
            ], unchanged: 4)
        let english = PlanImportView.build(Self.context(.en), states: ["Mongolia"], plan: plan, uploadID: 9)
        let mongolian = PlanImportView.build(Self.context(.mn), states: ["Mongolia"], plan: plan, uploadID: 9)
        #expect(english.preview)
        #expect(english.applyAction == .planImportApply(upload: 9))
        #expect(english.summary == "1 rows change, 4 unchanged, 1 with problems.")
        #expect(english.changes.first?.isNew == true)
        #expect(english.changes.first?.fields.first?.name == "Goal to be achieved")
        #expect(english.problems.first?.message.contains("Atlantis") == true)
        #expect(mongolian.problems.first?.message.contains("Atlantis") == true)
        #expect(mongolian.problems.first?.message != english.problems.first?.message)
        #expect(mongolian.changes.first?.fields.first?.name != english.changes.first?.fields.first?.name)
    }

    @Test func theRoundComparisonCountsTheMovements() {
        var later = Self.round
        later.id = 4
        later.title = "Annual assessment 2017"
        let comparison = RoundComparison(
            earlier: Self.round, later: later,
            changes: [
                .init(
                    recommendationID: 42, paragraph: "107.5", text: "Take effective measures",
                    organisation: "Women's Rights Centre", perspective: .civilSociety, before: .partial, after: .full,
                    movement: .forward)
            ], unchanged: 2, movements: [.forward: 1],
            earlierCounts: [.civilSociety: [.partial: 1]], laterCounts: [.civilSociety: [.full: 1]])
        let english = RoundComparisonView.make(comparison, Self.context(.en))
        let mongolian = RoundComparisonView.make(comparison, Self.context(.mn))
        #expect(english.heading == "Compare two rounds")
        #expect(mongolian.heading != english.heading)
        #expect(english.earlierHref == .round(3))
        #expect(english.laterHref == .round(4))
        #expect(english.changes.first?.href == .assessment(round: 4, recommendationID: 42))
        #expect(english.countRows.count == ImplementationStatus.allCases.count)
        #expect(english.hasChanges)
    }
}
