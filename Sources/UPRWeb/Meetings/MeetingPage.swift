import Foundation
import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// One meeting: when and where, who was invited and came, the agenda, minutes, decisions and action items, and
/// the links to the forms for those who run it.
struct MeetingView: Encodable {
    struct Item: Encodable {
        var id: Int
        var position: Int
        var title: String
        var notes: String
        var recommendationHref: SiteRoute?
        var recommendationLabel: String?
        var planEntryHref: SiteRoute?
        var indicatorHref: SiteRoute?
        var indicatorLabel: String?
        var decisions: [String]
        var isFirst: Bool
        var isLast: Bool
        var moveAction: SiteRoute
    }
    /// Where the meeting's organisers go from its page: its edit form, the four task forms, the status form.
    struct Links: Encodable {
        var edit: SiteRoute
        var agenda: SiteRoute
        var decision: SiteRoute
        var action: SiteRoute
        var minutes: SiteRoute
        var status: SiteRoute

        init(_ meeting: Int) {
            edit = .meetingEdit(meeting)
            agenda = .meetingTask(meetingID: meeting, .agenda)
            decision = .meetingTask(meetingID: meeting, .decision)
            action = .meetingTask(meetingID: meeting, .action)
            minutes = .meetingTask(meetingID: meeting, .minutes)
            status = .meetingStatus(meeting)
        }
    }
    struct Action: Encodable {
        var id: Int
        var statusAction: SiteRoute
        var title: String
        var owner: String
        var due: String?
        var status: String
        var dueState: String
        var dueClass: String
        var version: Int
        var canUpdate: Bool
        var statuses: [SelectOption]
        /// The meeting or agreement the item comes from.
        var source: String?
        var sourceHref: SiteRoute?
    }
    struct Person: Encodable {
        var name: String
        var invited: Bool
        var attended: Bool
    }
    var layout: Layout
    var csrf: String
    var links: Links
    var version: Int
    var title: String
    var kind: String
    var when: String
    var place: String?
    var organiser: String?
    var group: String?
    var status: String
    var statusClass: String
    var isPublic: Bool
    var isPlanned: Bool
    var organisations: [Person]
    var people: [Person]
    var showPeople: Bool
    var agenda: [Item]
    var hasAgenda: Bool
    var otherDecisions: [String]
    var hasOtherDecisions: Bool
    var minutes: String?
    var showMinutes: Bool
    var actions: [Action]
    var hasActions: Bool
    var showActions: Bool
    var canRun: Bool
    var historyHref: SiteRoute
    /// An annual assessment meeting and the assessment round it opened (or the link to open it).
    var isAnnualAssessment: Bool
    var roundTitle: String?
    var roundHref: SiteRoute?
    var openRoundHref: SiteRoute?

    /// "15 October 2015, 09:00–17:00 (Asia/Ulaanbaatar)", in the meeting's own time zone.
    static func when(_ start: Date, _ end: Date, _ zone: String, _ t: Translator) -> String {
        let timeZone = TimeZone(identifier: zone) ?? .gmt
        let startLocal = MeetingTime.local(start, zone: zone)
        let endLocal = MeetingTime.local(end, zone: zone)
        let startDay = t.date(start, timeZone: timeZone)
        let endDay = t.date(end, timeZone: timeZone)
        let startTime = String(startLocal.suffix(5))
        let endTime = String(endLocal.suffix(5))
        let range: String
        if startLocal.prefix(10) == endLocal.prefix(10) {
            range = "\(startDay), \(startTime)–\(endTime)"
        } else {
            range = "\(startDay) \(startTime) – \(endDay) \(endTime)"
        }
        return range + " (" + zone + ")"
    }

    static func actions(_ context: PageContext, _ items: [ActionItem]) -> [Action] {
        let t = context.t
        let today = Timestamp.day(Date())
        return items.map { item in
            let due = DueState.of(status: item.status, due: item.dueDate, today: today)
            return Action(
                id: item.id, statusAction: .actionItemStatus(item.id), title: item.title,
                owner: [item.ownerUserName, item.ownerOrganisationName].compactMap { $0 }.joined(separator: ", "),
                due: item.dueDate.flatMap { Timestamp.date($0 + "T00:00:00Z") }.map { t.date($0) },
                status: t(item.status.labelKey), dueState: t(due.labelKey), dueClass: due.rawValue,
                version: item.version, canUpdate: context.allows(item.updateAction),
                statuses: ActionItemStatus.allCases.map {
                    SelectOption(value: $0.rawValue, label: t($0.labelKey), selected: $0 == item.status)
                }, source: item.meetingTitle ?? item.agreementTitle,
                sourceHref: item.meetingID.map { SiteRoute.meeting($0) }
                    ?? item.agreementID.map { SiteRoute.agreement($0) })
        }
    }

    static func load(_ request: Request) async throws -> MeetingView {
        let meeting = try await MeetingRoutes.meeting(request)
        let round =
            meeting.fields.kind == .annualAssessment
            ? try await AssessmentStore(try request.sql()).round(openedBy: meeting.id) : nil
        return make(meeting, round: round, request.page)
    }

    /// The page from the meeting's record and, for an annual assessment meeting, the round it opened.
    static func make(_ meeting: Meeting, round: AssessmentRound?, _ context: PageContext) -> MeetingView {
        let t = context.t
        let member = context.allows(.readDrafts)
        let canRun = context.allows(.runMeeting(workingGroupID: meeting.fields.workingGroupID))
        let agenda = meeting.agenda.enumerated().map { index, item in
            Item(
                id: item.id, position: index + 1, title: item.title, notes: item.notes,
                recommendationHref: item.recommendationID.map { SiteRoute.recommendation($0) },
                recommendationLabel: item.recommendationLabel,
                planEntryHref: item.planEntryID.map { SiteRoute.planEntry($0) },
                indicatorHref: item.subjectKind == .indicator
                    ? item.subjectID.map { SiteRoute.indicator($0) } : nil,
                indicatorLabel: item.subjectLabel,
                decisions: meeting.decisions.filter { $0.agendaItemID == item.id }.map(\.text),
                isFirst: index == 0, isLast: index == meeting.agenda.count - 1,
                moveAction: .agendaItemMove(meetingID: meeting.id, item: item.id))
        }
        let other = meeting.decisions.filter { $0.agendaItemID == nil }.map(\.text)
        let isAnnual = meeting.fields.kind == .annualAssessment
        let visibleRound = round.flatMap { $0.status == .closed || member ? $0 : nil }
        let canOpenRound =
            isAnnual && round == nil && meeting.status != .cancelled
            && context.allows(.manageAssessmentRounds)
        return MeetingView(
            layout: Layout(context, title: meeting.fields.title, section: .meetings),
            csrf: context.csrf, links: Links(meeting.id), version: meeting.version, title: meeting.fields.title,
            kind: t(meeting.fields.kind.labelKey),
            when: when(meeting.startsAt, meeting.endsAt, meeting.fields.timeZone, t),
            place: meeting.fields.place.isEmpty ? nil : meeting.fields.place,
            organiser: meeting.organiserName, group: meeting.workingGroupName, status: t(meeting.status.labelKey),
            statusClass: meeting.status.rawValue, isPublic: meeting.fields.isPublic,
            isPlanned: meeting.status == .planned,
            organisations: meeting.organisations.map {
                Person(name: $0.name, invited: $0.invited, attended: $0.attended)
            },
            people: meeting.people.map { Person(name: $0.name, invited: $0.invited, attended: $0.attended) },
            showPeople: member && !meeting.people.isEmpty, agenda: agenda, hasAgenda: !agenda.isEmpty,
            otherDecisions: other, hasOtherDecisions: !other.isEmpty,
            minutes: member && !meeting.minutes.isEmpty ? meeting.minutes : nil, showMinutes: member,
            actions: member ? actions(context, meeting.actionItems) : [],
            hasActions: member && !meeting.actionItems.isEmpty, showActions: member, canRun: canRun,
            historyHref: SiteRoute.meetingHistory(meeting.id), isAnnualAssessment: isAnnual,
            roundTitle: visibleRound?.title, roundHref: visibleRound.map { SiteRoute.round($0.id) },
            openRoundHref: canOpenRound ? SiteRoute.newRound(meetingID: meeting.id) : nil)
    }
}
