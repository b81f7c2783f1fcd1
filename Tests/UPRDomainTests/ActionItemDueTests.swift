import Testing
import UPRDomain

/// The due logic of action items and commitments: due soon within the window, overdue after the day, never for
/// closed items.
@Suite struct ActionItemDueTests {
    @Test(arguments: [
        ("2026-12-10", "2026-12-01", DueState.onTrack),
        ("2026-12-08", "2026-12-01", .dueSoon),
        ("2026-12-01", "2026-12-01", .dueSoon),
        ("2026-11-30", "2026-12-01", .overdue),
        ("2025-01-01", "2026-12-01", .overdue),
        ("2026-12-09", "2026-12-01", .onTrack),
    ])
    func openItems(due: String, today: String, expected: DueState) {
        #expect(DueState.of(status: .open, due: due, today: today, soonDays: 7) == expected)
        #expect(DueState.of(status: .inProgress, due: due, today: today, soonDays: 7) == expected)
    }

    @Test func closedItemsAreNeverDueOrOverdue() {
        for status in [ActionItemStatus.done, .cancelled] {
            #expect(DueState.of(status: status, due: "2020-01-01", today: "2026-12-01") == .closed)
            #expect(DueState.of(status: status, due: nil, today: "2026-12-01") == .closed)
        }
    }

    @Test func missingOrUnreadableDueDates() {
        #expect(DueState.of(status: .open, due: nil, today: "2026-12-01") == .noDueDate)
        #expect(DueState.of(status: .open, due: "2026-02-30", today: "2026-12-01") == .noDueDate)
        #expect(DueState.of(status: .open, due: "soon", today: "2026-12-01") == .noDueDate)
    }

    @Test func windowCrossesMonthsYearsAndLeapDays() {
        #expect(DueState.of(status: .open, due: "2027-01-03", today: "2026-12-30", soonDays: 7) == .dueSoon)
        #expect(DueState.of(status: .open, due: "2028-03-01", today: "2028-02-28", soonDays: 1) == .onTrack)
        #expect(DueState.of(status: .open, due: "2028-02-29", today: "2028-02-28", soonDays: 1) == .dueSoon)
        #expect(DueState.of(status: .open, due: "2026-12-02", today: "2026-12-01", soonDays: 0) == .onTrack)
    }
}

/// Who may schedule and run meetings and move action items along.
@Suite struct MeetingAuthorizationTests {
    let justice = 1
    let women = 2
    var admin: Principal { Principal(userID: 1, role: .administrator, organisationID: 10) }
    var cso: Principal { Principal(userID: 2, role: .csoMember, organisationID: 11, workingGroupIDs: [1]) }
    var focal: Principal { Principal(userID: 3, role: .focalPoint, organisationID: 12) }
    var colleague: Principal { Principal(userID: 5, role: .focalPoint, organisationID: 12) }
    var observer: Principal { Principal(userID: 4, role: .observer, organisationID: 13) }

    @Test func meetings() {
        #expect(Authorization.allows(admin, .createMeeting(workingGroupID: nil)))
        #expect(Authorization.allows(admin, .runMeeting(workingGroupID: women)))
        #expect(Authorization.allows(cso, .createMeeting(workingGroupID: justice)))
        #expect(Authorization.allows(cso, .runMeeting(workingGroupID: justice)))
        #expect(!Authorization.allows(cso, .createMeeting(workingGroupID: women)))
        #expect(!Authorization.allows(cso, .createMeeting(workingGroupID: nil)))
        for person in [focal, observer] {
            #expect(!Authorization.allows(person, .createMeeting(workingGroupID: justice)))
            #expect(!Authorization.allows(person, .runMeeting(workingGroupID: justice)))
        }
        #expect(!Authorization.allows(nil, .runMeeting(workingGroupID: justice)))
        #expect(!Authorization.allows(cso, .manageAgreements))
        #expect(Authorization.allows(admin, .manageAgreements))
    }

    @Test func actionItems() {
        let toFocal = Action.updateActionItem(ownerUserID: 3, ownerOrganisationID: 12, workingGroupID: justice)
        #expect(Authorization.allows(focal, toFocal))
        #expect(!Authorization.allows(colleague, toFocal), "a named owner's colleagues do not act for them")
        #expect(Authorization.allows(cso, toFocal), "the group running the meeting")
        #expect(!Authorization.allows(observer, toFocal))
        let toMinistry = Action.updateActionItem(ownerUserID: nil, ownerOrganisationID: 12, workingGroupID: women)
        #expect(Authorization.allows(focal, toMinistry))
        #expect(Authorization.allows(colleague, toMinistry))
        #expect(!Authorization.allows(cso, toMinistry))
        let observerOwns = Action.updateActionItem(ownerUserID: 4, ownerOrganisationID: nil, workingGroupID: nil)
        #expect(!Authorization.allows(observer, observerOwns), "observers change nothing")
        #expect(Authorization.allows(admin, observerOwns))
    }
}
