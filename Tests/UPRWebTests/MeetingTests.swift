import Foundation
import Testing
import UPRDomain
import UPRStore
import UPRWeb
import VaporTesting

func userID(_ app: Application, _ email: String) async throws -> Int {
    try #require(try await AccountStore(try app.sql()).user(email: email)).id
}

func meetingVersion(_ app: Application, _ id: Int) async throws -> Int {
    try #require(try await MeetingStore(try app.sql()).meeting(id: id)).version
}

/// Schedules a justice working-group meeting through the form as the demo's CSO member; returns its id.
func scheduleMeeting(
    _ app: Application, _ browser: Browser, title: String = "Justice working group: anti-discrimination law",
    isPublic: Bool = false
) async throws -> Int {
    let group = try await justiceGroupID(app)
    let ministry = try await organisationID(app, "Ministry of Justice and Home Affairs")
    var fields = [
        ("kind", "working-group"), ("title", title), ("workingGroupID", String(group)),
        ("startsLocal", "2026-12-10T10:00"), ("endsLocal", "2026-12-10T12:30"), ("timeZone", "Asia/Ulaanbaatar"),
        ("place", "Ministry of Justice, room 2"), ("invitedOrganisationIDs[]", String(ministry)), ("version", "0"),
    ]
    if isPublic { fields.append(("isPublic", "1")) }
    let response = try await browser.post(app, "/meetings", fields)
    #expect(response.status == .seeOther, "\(response.body.string)")
    let location = try #require(response.headers.first(name: .location))
    return try #require(Int(location.split(separator: "/").last ?? ""))
}

@Suite struct MeetingTests {
    /// A working group's whole meeting: schedule, agenda (linked to a recommendation), reorder, decision with an
    /// action item for a person, minutes, held; the owner finds the item in the inbox and moves it along.
    @Test(arguments: TestDatabase.allCases)
    func meetingLifecycle(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            let id = try await scheduleMeeting(app, cso)
            let store = MeetingStore(try app.sql())
            var meeting = try #require(try await store.meeting(id: id))
            // Stored in UTC: 10:00 in Ulaanbaatar (UTC+8) is 02:00 UTC.
            #expect(Timestamp.string(meeting.startsAt) == "2026-12-10T02:00:00Z")
            #expect(meeting.fields.startsLocal == "2026-12-10T10:00")
            #expect(meeting.status == .planned)
            #expect(meeting.organisations.map(\.name) == ["Ministry of Justice and Home Affairs"])

            let rec = try await recommendationID(app, paragraph: "108.42")
            var version = meeting.version
            let first = try await cso.post(
                app, "/meetings/\(id)/agenda",
                [("title", "Anti-discrimination bill"), ("recommendation", "#\(rec)"), ("version", String(version))])
            #expect(first.status == .seeOther)
            version = try await meetingVersion(app, id)
            let second = try await cso.post(
                app, "/meetings/\(id)/agenda", [("title", "Next steps and dates"), ("version", String(version))])
            #expect(second.status == .seeOther)
            meeting = try #require(try await store.meeting(id: id))
            #expect(meeting.agenda.map(\.title) == ["Anti-discrimination bill", "Next steps and dates"])
            #expect(meeting.agenda[0].recommendationID == rec)

            let moved = try await cso.post(
                app, "/meetings/\(id)/agenda/\(meeting.agenda[1].id)/move",
                [("direction", "up"), ("version", String(meeting.version))])
            #expect(moved.status == .seeOther)
            meeting = try #require(try await store.meeting(id: id))
            #expect(meeting.agenda.map(\.title) == ["Next steps and dates", "Anti-discrimination bill"])
            #expect(meeting.agenda.map(\.position) == [1, 2])

            let focal = try await userID(app, "focal@demo.upr")
            // The demo already put notices in the focal point's inbox.
            let unreadBefore = try await NotificationStore(try app.sql()).unreadCount(userID: focal)
            let bill = try #require(meeting.agenda.first { $0.title == "Anti-discrimination bill" })
            let decided = try await cso.post(
                app, "/meetings/\(id)/decision",
                [
                    ("agendaItemID", String(bill.id)), ("text", "The ministry drafts the bill by March."),
                    ("actionTitle", "Send the draft bill to the working group"), ("ownerUserID", String(focal)),
                    ("dueDate", "2027-03-31"), ("version", String(meeting.version)),
                ])
            #expect(decided.status == .seeOther)
            version = try await meetingVersion(app, id)
            let minutes = try await cso.post(
                app, "/meetings/\(id)/minutes",
                [
                    ("minutes", "Members-only: the ministry asked for two more weeks."),
                    ("attendingOrganisationIDs[]", String(try await organisationID(app, "Open Society Forum"))),
                    ("version", String(version)),
                ])
            #expect(minutes.status == .seeOther)
            version = try await meetingVersion(app, id)
            let held = try await cso.post(
                app, "/meetings/\(id)/status", [("status", "held"), ("version", String(version))])
            #expect(held.status == .seeOther)
            meeting = try #require(try await store.meeting(id: id))
            #expect(meeting.status == .held)
            #expect(meeting.decisions.map(\.agendaItemID) == [bill.id])
            #expect(meeting.organisations.first { $0.name == "Open Society Forum" }?.attended == true)
            let item = try #require(meeting.actionItems.first)
            #expect(item.ownerUserID == focal && item.dueDate == "2027-03-31" && item.status == .open)

            let page = try await cso.get(app, "/meetings/\(id)").body.string
            #expect(page.contains("The ministry drafts the bill by March."))
            #expect(page.contains("Members-only: the ministry asked for two more weeks."))
            #expect(page.contains("Send the draft bill to the working group"))

            // The owner's inbox: one unread notice, counted in the header, linking to the item.
            let owner = try await Browser.signIn(app, email: "focal@demo.upr")
            let inbox = try await owner.get(app, "/inbox").body.string
            #expect(inbox.contains("Action item for you: Send the draft bill to the working group"))
            #expect(inbox.contains("Inbox (\(unreadBefore + 1) unread)"))
            #expect(try await NotificationStore(try app.sql()).unreadCount(userID: focal) == unreadBefore + 1)
            let mine = try await owner.get(app, "/action-items").body.string
            #expect(mine.contains("Send the draft bill to the working group"))
            let updated = try await owner.post(
                app, "/action-items/\(item.id)/status",
                [("status", "done"), ("version", String(item.version)), ("returnTo", "/action-items")])
            #expect(updated.status == .seeOther)
            #expect(try await ActionItemStore(try app.sql()).item(id: item.id)?.status == .done)
            _ = try await owner.post(app, "/inbox/read", [])
            #expect(try await NotificationStore(try app.sql()).unreadCount(userID: focal) == 0)

            // Every step is in the audit log.
            let history = try await AuditLog.history(entity: .meeting, id: id, on: app.sql())
            #expect(
                history.map(\.action).reversed()
                    == ["create", "agenda-add", "agenda-add", "agenda-move", "decision", "minutes", "status"])
            #expect(history[0].changes["status"] == AuditLog.FieldChange(before: "planned", after: "held"))
            let itemHistory = try await AuditLog.history(entity: .actionItem, id: item.id, on: app.sql())
            #expect(itemHistory.map(\.action) == ["status", "create"])

            // Cancelling another meeting.
            let other = try await scheduleMeeting(app, cso, title: "Extra session")
            let cancelled = try await cso.post(
                app, "/meetings/\(other)/status",
                [("status", "cancelled"), ("version", String(try await meetingVersion(app, other)))])
            #expect(cancelled.status == .seeOther)
            #expect(try await store.meeting(id: other)?.status == .cancelled)
        }
    }

    /// An item owned by an organisation only reaches every active person of that organisation.
    /// An agenda item can be about an indicator: the form offers the indicators of the group's plan entries, the
    /// meeting page links the indicator, and an indicator that does not exist is refused by name.
    @Test(arguments: TestDatabase.allCases)
    func agendaItemAboutAnIndicator(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let fixture = try await IndicatorFixture.make(app)
            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            let id = try await scheduleMeeting(app, cso)
            let form = try await cso.get(app, "/meetings/\(id)/agenda").body.string
            #expect(form.contains("<option value=\"\(fixture.indicator)\">Discrimination complaints decided by courts"))

            let version = try await meetingVersion(app, id)
            let wrong = try await cso.post(
                app, "/meetings/\(id)/agenda",
                [("title", "Court statistics"), ("indicatorID", "987654"), ("version", String(version))])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains("href=\"#f-indicatorID\""))
            #expect(try await app.count("agenda_items", where: "WHERE meeting_id = \(id)") == 0)

            let added = try await cso.post(
                app, "/meetings/\(id)/agenda",
                [
                    ("title", "Court statistics for 2018"), ("indicatorID", String(fixture.indicator)),
                    ("version", String(version)),
                ])
            #expect(added.status == .seeOther)
            let item = try #require(try await MeetingStore(try app.sql()).meeting(id: id)?.agenda.first)
            #expect(item.subjectKind == .indicator && item.subjectID == fixture.indicator)
            let page = try await cso.get(app, "/meetings/\(id)").body.string
            #expect(
                page.contains(
                    "<a href=\"/indicators/\(fixture.indicator)\">Discrimination complaints decided by courts</a>"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func organisationOwnersAreAllNotified(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            try await addTestAccounts(app)
            let admin = try await Browser.signIn(app, email: "admin@demo.upr")
            let id = try await scheduleMeeting(app, admin)
            let ministry = try await organisationID(app, "Ministry of Foreign Affairs")
            let before = try await app.count("notifications")
            let response = try await admin.post(
                app, "/meetings/\(id)/action",
                [
                    ("actionTitle", "Translate the recommendations into Mongolian"),
                    ("ownerOrganisationID", String(ministry)),
                    ("version", String(try await meetingVersion(app, id))),
                ])
            #expect(response.status == .seeOther)
            let other = try await userID(app, "other-focal@test.upr")
            let notices = try await NotificationStore(try app.sql()).inbox(userID: other)
            #expect(notices.count == 1)
            #expect(notices.first?.subjectKind == .actionItem)
            #expect(try await app.count("notifications") == before + 1)
            // The people of that ministry may move it along; it shows in their list.
            let browser = try await Browser.signIn(app, email: "other-focal@test.upr")
            #expect(try await browser.get(app, "/action-items").body.string.contains("Translate the recommendations"))
            // A bad form names the field instead of failing.
            let bad = try await admin.post(
                app, "/meetings/\(id)/action",
                [("actionTitle", "No owner"), ("version", String(try await meetingVersion(app, id)))])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Choose a person or an organisation as the owner."))
        }
    }

    /// Two people working on the same meeting from the same version: the second gets the conflict page with
    /// their text kept, and nothing of theirs is written.
    @Test(arguments: TestDatabase.allCases)
    func staleVersionsShowTheConflictPage(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            let admin = try await Browser.signIn(app, email: "admin@demo.upr")
            let id = try await scheduleMeeting(app, cso)
            let version = try await meetingVersion(app, id)
            let first = try await cso.post(
                app, "/meetings/\(id)/agenda", [("title", "Item one"), ("version", String(version))])
            #expect(first.status == .seeOther)
            let stale = try await admin.post(
                app, "/meetings/\(id)/agenda", [("title", "Item typed meanwhile"), ("version", String(version))])
            #expect(stale.status == .conflict)
            #expect(stale.body.string.contains("Someone else changed this meeting"))
            #expect(stale.body.string.contains("Item typed meanwhile"))
            #expect(stale.body.string.contains("href=\"#f-version\""))
            #expect(try AccountAndAdminPageTests.unanchored(stale.body.string).isEmpty)
            #expect(try await app.count("agenda_items", where: "WHERE meeting_id = \(id)") == 1)

            let group = try await justiceGroupID(app)
            let edit = try await admin.post(
                app, "/meetings/\(id)/edit",
                [
                    ("kind", "working-group"), ("title", "Renamed meeting"), ("workingGroupID", String(group)),
                    ("startsLocal", "2026-12-11T10:00"), ("endsLocal", "2026-12-11T12:00"),
                    ("timeZone", "Asia/Ulaanbaatar"), ("version", String(version)),
                ])
            #expect(edit.status == .conflict)
            #expect(edit.body.string.contains("Renamed meeting"))
            #expect(edit.body.string.contains("Justice working group: anti-discrimination law"))
            #expect(try await MeetingStore(try app.sql()).meeting(id: id)?.fields.title != "Renamed meeting")

            let bad = try await admin.post(
                app, "/meetings/\(id)/edit",
                [
                    ("kind", "working-group"), ("title", "Renamed meeting"), ("workingGroupID", String(group)),
                    ("startsLocal", "2026-12-11T10:00"), ("endsLocal", "2026-12-11T09:00"),
                    ("timeZone", "Asia/Ulaanbaatar"), ("version", String(try await meetingVersion(app, id))),
                ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("The end must not come before the start."))
        }
    }

    /// The public sees public meetings only, and never their minutes or action items.
    @Test(arguments: TestDatabase.allCases)
    func publicSeesPublicMeetingsWithoutMinutes(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            let hidden = try await scheduleMeeting(app, cso, title: "Closed preparation")
            let open = try await scheduleMeeting(app, cso, title: "Open dialogue", isPublic: true)
            _ = try await cso.post(
                app, "/meetings/\(open)/minutes",
                [("minutes", "Confidential remark"), ("version", String(try await meetingVersion(app, open)))])
            let list = try await Browser.anonymous.get(app, "/meetings").body.string
            #expect(list.contains("Open dialogue"))
            #expect(!list.contains("Closed preparation"))
            #expect(try await Browser.anonymous.get(app, "/meetings/\(hidden)").status == .notFound)
            let page = try await Browser.anonymous.get(app, "/meetings/\(open)")
            #expect(page.status == .ok)
            #expect(!page.body.string.contains("Confidential remark"))
            let observer = try await Browser.signIn(app, email: "observer@demo.upr")
            #expect(try await observer.get(app, "/meetings/\(open)").body.string.contains("Confidential remark"))
            #expect(try await observer.get(app, "/meetings").body.string.contains("Closed preparation"))
            #expect(try await Browser.anonymous.get(app, "/inbox").status == .seeOther)
        }
    }
}

/// Agreements: the secretariat records the letter of intent and its commitments; a commitment reaches its
/// owner's inbox and moves along like an action item; the public reads it without people's names.
@Suite struct AgreementTests {
    @Test(arguments: TestDatabase.allCases)
    func letterOfIntentAndItsCommitments(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let admin = try await Browser.signIn(app, email: "admin@demo.upr")
            let ministry = try await organisationID(app, "Ministry of Justice and Home Affairs")
            let forum = try await organisationID(app, "Open Society Forum")
            let created = try await admin.post(
                app, "/agreements",
                [
                    ("title", "Letter of intent for cooperation"), ("signedOn", "2015-10-15"),
                    ("text", "We will meet at least once a year."), ("signatoryIDs[]", String(ministry)),
                    ("signatoryIDs[]", String(forum)),
                ])
            #expect(created.status == .seeOther)
            let path = try #require(created.headers.first(name: .location))
            let id = try #require(Int(path.split(separator: "/").last ?? ""))
            let bad = try await admin.post(app, "/agreements", [("title", "Undated"), ("signedOn", "15/10/2015")])
            #expect(bad.status == .unprocessableEntity)
            let focal = try await userID(app, "focal@demo.upr")
            let added = try await admin.post(
                app, path + "/commitments",
                [
                    ("actionTitle", "Hold the annual assessment meeting"), ("ownerUserID", String(focal)),
                    ("ownerOrganisationID", String(ministry)), ("dueDate", "2016-10-15"), ("version", "1"),
                ])
            #expect(added.status == .seeOther)
            let stale = try await admin.post(
                app, path + "/commitments",
                [("actionTitle", "Typed meanwhile"), ("ownerOrganisationID", String(ministry)), ("version", "1")])
            #expect(stale.status == .conflict)
            #expect(stale.body.string.contains("Typed meanwhile"))
            // The summary's link to the stale version lands on the form, not on a hidden input.
            #expect(stale.body.string.contains("href=\"#f-version\""))
            #expect(try AccountAndAdminPageTests.unanchored(stale.body.string).isEmpty)
            let agreement = try #require(try await AgreementStore(try app.sql()).agreement(id: id))
            #expect(agreement.signatories == ["Ministry of Justice and Home Affairs", "Open Society Forum"])
            let commitment = try #require(agreement.commitments.first)
            #expect(agreement.commitments.count == 1)
            #expect(commitment.agreementTitle == "Letter of intent for cooperation")
            // Long past due and not done: overdue.
            let page = try await Browser.anonymous.get(app, path).body.string
            #expect(page.contains("Hold the annual assessment meeting"))
            #expect(page.contains("Overdue"))
            #expect(!page.contains("Focal point"), "the public does not see people's names")
            let owner = try await Browser.signIn(app, email: "focal@demo.upr")
            #expect(try await owner.get(app, "/inbox").body.string.contains("Hold the annual assessment meeting"))
            let done = try await owner.post(
                app, "/action-items/\(commitment.id)/status",
                [("status", "done"), ("version", String(commitment.version)), ("returnTo", path)])
            #expect(done.status == .seeOther)
            #expect(try await Browser.anonymous.get(app, path).body.string.contains("Closed"))
            let history = try await AuditLog.history(entity: .agreement, id: id, on: app.sql())
            #expect(history.map(\.action) == ["create"])
        }
    }
}

/// The demo carries the seed's way of working: the dialogue day and its letter of intent, the annual assessment,
/// and an upcoming working-group meeting on two real recommendations with a decision and action items.
@Suite struct DemoMeetingTests {
    @Test(arguments: TestDatabase.allCases)
    func demoMeetingsAndLetterOfIntent(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let sql = try app.sql()
            let all = try await MeetingStore(sql).meetings(MeetingFilter())
            #expect(
                Set(all.map(\.kind)) == [.dialogueDay, .annualAssessment, .coordinatingCommittee, .workingGroup])
            let group = try #require(all.first { $0.kind == .workingGroup })
            #expect(group.startsAt > Date())
            let meeting = try #require(try await MeetingStore(sql).meeting(id: group.id))
            let linked = meeting.agenda.compactMap(\.recommendationID)
            #expect(
                Set(linked)
                    == [
                        try await recommendationID(app, paragraph: "108.42"),
                        try await recommendationID(app, paragraph: "108.103"),
                    ])
            #expect(meeting.decisions.count == 1)
            #expect(meeting.actionItems.count == 2)
            let letter = try #require(try await AgreementStore(sql).agreements().first)
            #expect(letter.title == "Letter of intent for cooperation")
            let commitments = try #require(try await AgreementStore(sql).agreement(id: letter.id)).commitments
            #expect(commitments.count == 4)
            #expect(commitments.contains { $0.title == "Create a coordinating committee" && $0.status == .done })
            let focal = try await userID(app, "focal@demo.upr")
            #expect(try await NotificationStore(sql).unreadCount(userID: focal) >= 1)
            let page = try await Browser.anonymous.get(app, "/agreements/\(letter.id)").body.string
            #expect(page.contains("Meet at least once a year to assess the level of implementation"))
        }
    }
}
