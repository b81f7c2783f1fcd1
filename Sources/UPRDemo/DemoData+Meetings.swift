import Foundation
import SQLKit
import UPRDomain
import UPRStore

extension DemoData {
    /// The seed's way of working: the October 2015 dialogue day that adopted the letter of intent, the letter and
    /// its commitments, the first annual assessment, and the meetings to come (dated from today, so the demo always
    /// has upcoming ones): the coordinating committee, and the justice working group with an agenda on two real
    /// recommendations, a decision and action items.
    static func seedMeetings(on sql: any SQLDatabase) async throws {
        let organisations = try await OrganisationStore(sql).organisations()
        func org(_ name: String) -> Int? { organisations.first { $0.name == name }?.id }
        let accounts = AccountStore(sql)
        let focal = try await accounts.user(email: "focal@demo.upr")?.id
        let cso = try await accounts.user(email: "cso@demo.upr")?.id
        let groups = try await OrganisationStore(sql).workingGroups()
        let justice = groups.first { $0.cluster == .justice }?.id
        let store = MeetingStore(sql)
        let everyone = organisations.map(\.id)
        func version(_ id: Int) async throws -> Int { try await store.meeting(id: id)?.version ?? 0 }
        func fields(_ kind: MeetingKind, _ title: String, _ starts: String, _ ends: String, place: String)
            -> MeetingFields
        {
            var fields = MeetingFields()
            fields.kind = kind
            fields.title = title
            fields.startsLocal = starts
            fields.endsLocal = ends
            fields.place = place
            return fields
        }
        func agenda(_ meeting: Int, _ title: String, recommendation: String? = nil) async throws -> Int {
            var item = AgendaItemFields()
            item.title = title
            if let recommendation {
                item.recommendationID = try await sql.raw(
                    """
                    SELECT r.id FROM recommendations r JOIN reviews v ON v.id = r.review_id
                    WHERE r.paragraph = \(bind: recommendation) AND v.report_symbol = 'A/HRC/30/6'
                    """
                ).first()?.decode(column: "id", as: Int.self)
            }
            return try await store.addAgendaItem(meeting, version: try await version(meeting), item, actor: "demo")
        }

        // The dialogue day of 15 October 2015 (seed, section 3 and annex 7.2).
        var dialogue = fields(
            .dialogueDay, "Coordination meeting for UPR stakeholders: dialogue day", "2015-10-15T09:00",
            "2015-10-15T16:30", place: "Ulaanbaatar")
        dialogue.organiserID = org("Ministry of Foreign Affairs")
        dialogue.isPublic = true
        dialogue.invitedOrganisationIDs = everyone
        let day = try await store.create(dialogue, userID: nil, actor: "demo")
        _ = try await agenda(day, "Opening remarks")
        _ = try await agenda(day, "Implementation strategy: plan, inclusion of CSOs and parliamentarians, resources")
        _ = try await agenda(day, "Working groups on implementation")
        let letterItem = try await agenda(day, "Adoption of a letter of intent for cooperation")
        _ = try await store.addDecision(
            day, version: try await version(day), agendaItemID: letterItem,
            text: "The letter of intent for cooperation is adopted by the Government, CSOs and parliamentarians.",
            action: nil, actor: "demo")
        try await store.recordMinutes(
            day, version: try await version(day),
            minutes:
                "33 civil society members and 38 Government representatives took part; UNDP, UNHCR and ILO were present.",
            attendingOrganisationIDs: everyone, attendingUserIDs: [], actor: "demo")
        try await store.setStatus(day, version: try await version(day), status: .held, actor: "demo")

        // The letter of intent and its commitments (seed, section 5.3).
        let agreements = AgreementStore(sql)
        let letter = try await agreements.create(
            title: "Letter of intent for cooperation",
            text: """
                Adopted at the end of the dialogue day of 15 October 2015. The Government, civil society organisations \
                and other stakeholders will continue working together for the implementation of UPR recommendations; \
                they will meet at least once a year to assess the level of implementation; clear indicators will be \
                discussed among stakeholders and included in the final national implementation plan; a coordinating \
                committee is to be created.
                """,
            signedOn: "2015-10-15", signatoryIDs: everyone, actor: "demo")
        let commitments: [(String, String?, String?, ActionItemStatus)] = [
            (
                "Continue working together for the implementation of UPR recommendations", "UPR coordinating committee",
                nil, .inProgress
            ),
            (
                "Meet at least once a year to assess the level of implementation", "UPR coordinating committee",
                "2016-10-15", .done
            ),
            (
                "Discuss clear indicators and include them in the final national implementation plan",
                "Ministry of Justice and Home Affairs", "2016-05-31", .inProgress
            ),
            ("Create a coordinating committee", "Ministry of Foreign Affairs", "2016-06-30", .done),
        ]
        let items = ActionItemStore(sql)
        for (title, owner, due, status) in commitments {
            var item = ActionItemFields()
            item.title = title
            item.ownerOrganisationID = owner.flatMap(org)
            item.dueDate = due
            let version = try await agreements.agreement(id: letter)?.version ?? 1
            let id = try await agreements.addCommitment(letter, version: version, item, actor: "demo")
            if status != .open { try await items.setStatus(id, version: 1, status: status, actor: "demo") }
        }

        // The first annual assessment meeting the letter promised.
        var annual = fields(
            .annualAssessment, "Annual assessment of UPR implementation 2016", "2016-10-14T09:30", "2016-10-14T17:00",
            place: "Government Palace, Ulaanbaatar")
        annual.organiserID = org("UPR coordinating committee")
        annual.isPublic = true
        annual.invitedOrganisationIDs = everyone
        let assessment = try await store.create(annual, userID: nil, actor: "demo")
        try await store.setStatus(assessment, version: try await version(assessment), status: .held, actor: "demo")
        // That meeting opened the 2016 assessment round (seeded before the meetings, so linked here).
        try await sql.raw(
            """
            UPDATE assessment_rounds SET meeting_id = \(bind: assessment), held_on = '2016-10-14'
            WHERE title = 'Annual assessment 2016'
            """
        ).run()

        // Meetings to come, dated from today in Ulaanbaatar.
        func local(_ days: Int, _ time: String) -> String {
            String(
                MeetingTime.local(Date().addingTimeInterval(Double(days) * 86_400), zone: MeetingTime.defaultZone)
                    .prefix(11))
                + time
        }
        func dueIn(_ days: Int) -> String { Timestamp.day(Date().addingTimeInterval(Double(days) * 86_400)) }
        var committee = fields(
            .coordinatingCommittee, "Coordinating committee: mid-term review of the implementation plan",
            local(21, "10:00"),
            local(21, "13:00"), place: "Ministry of Foreign Affairs, Ulaanbaatar")
        committee.organiserID = org("UPR coordinating committee")
        committee.isPublic = true
        committee.invitedOrganisationIDs = everyone
        _ = try await store.create(committee, userID: nil, actor: "demo")

        var group = fields(
            .workingGroup, "Justice working group: anti-discrimination and domestic violence laws", local(7, "14:00"),
            local(7, "16:00"), place: "Open Society Forum, Ulaanbaatar")
        group.workingGroupID = justice
        group.organiserID = org("Mongolian NGO Human Rights Forum")
        group.invitedOrganisationIDs = [
            "Open Society Forum", "Mongolian NGO Human Rights Forum", "Ministry of Justice and Home Affairs",
            "National Human Rights Commission of Mongolia",
        ].compactMap(org)
        group.invitedUserIDs = [cso, focal].compactMap { $0 }
        let meeting = try await store.create(group, userID: cso, actor: "demo")
        let law = try await agenda(meeting, "Comprehensive anti-discrimination law", recommendation: "108.42")
        _ = try await agenda(meeting, "Revised Law against Domestic Violence", recommendation: "108.103")
        var action = ActionItemFields()
        action.title = "Share the ministry's draft anti-discrimination bill with the working group"
        action.ownerUserID = focal
        action.ownerOrganisationID = org("Ministry of Justice and Home Affairs")
        action.dueDate = dueIn(30)
        _ = try await store.addDecision(
            meeting, version: try await version(meeting), agendaItemID: law,
            text: "The working group comments on the draft bill before it goes to the State Great Khural.",
            action: action, actor: "demo")
        var survey = ActionItemFields()
        survey.title = "Collect cases of discrimination reported to member organisations"
        survey.ownerOrganisationID = org("Open Society Forum")
        survey.dueDate = dueIn(3)
        _ = try await store.addActionItem(meeting, version: try await version(meeting), survey, actor: "demo")
    }
}
