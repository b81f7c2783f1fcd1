import Foundation
import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// The meetings, upcoming first then past, filtered by kind and working group. The public sees public meetings.
struct MeetingListView: Encodable {
    struct Row: Encodable {
        var href: SiteRoute
        var title: String
        var kind: String
        var when: String
        var place: String?
        var group: String?
        var status: String
        var statusClass: String
    }
    var layout: Layout
    var kinds: [SelectOption]
    var groups: [SelectOption]
    var upcoming: [Row]
    var past: [Row]
    var hasUpcoming: Bool
    var hasPast: Bool
    var canCreate: Bool
    var signedIn: Bool
    var publicCalendarHref: SiteRoute

    static func load(_ request: Request) async throws -> MeetingListView {
        let context = request.page
        let kind = (try? request.query.get(String.self, at: "kind")).flatMap(MeetingKind.init(rawValue:))
        let group = (try? request.query.get(String.self, at: "group")).flatMap { Int($0) }
        var filter = MeetingFilter(kind: kind, workingGroupID: group)
        filter.publicOnly = !context.allows(.readDrafts)
        let sql = try request.sql()
        return make(
            filter: filter, meetings: try await MeetingStore(sql).meetings(filter),
            workingGroups: try await OrganisationStore(sql).workingGroups(), now: Date(), context)
    }

    /// The page from the meetings the filter finds (public ones only for the public), split at `now`.
    static func make(
        filter: MeetingFilter, meetings: [MeetingSummary], workingGroups: [WorkingGroup], now: Date,
        _ context: PageContext
    ) -> MeetingListView {
        let t = context.t
        let (kind, group) = (filter.kind, filter.workingGroupID)
        func row(_ meeting: MeetingSummary) -> Row {
            Row(
                href: SiteRoute.meeting(meeting.id), title: meeting.title, kind: t(meeting.kind.labelKey),
                when: MeetingView.when(meeting.startsAt, meeting.endsAt, meeting.timeZone, t),
                place: meeting.place.isEmpty ? nil : meeting.place,
                group: meeting.workingGroupName, status: t(meeting.status.labelKey),
                statusClass: meeting.status.rawValue)
        }
        let upcoming = meetings.filter { $0.endsAt >= now }.map(row)
        let past = meetings.filter { $0.endsAt < now }.reversed().map(row)
        return MeetingListView(
            layout: Layout(context, title: t("meetings.title"), section: .meetings),
            kinds: [SelectOption(value: "", label: t("common.all"), selected: kind == nil)]
                + MeetingKind.allCases.map {
                    SelectOption(value: $0.rawValue, label: t($0.labelKey), selected: $0 == kind)
                },
            groups: [SelectOption(value: "", label: t("common.all"), selected: group == nil)]
                + workingGroups.map { SelectOption(value: String($0.id), label: $0.name, selected: $0.id == group) },
            upcoming: upcoming, past: past, hasUpcoming: !upcoming.isEmpty, hasPast: !past.isEmpty,
            canCreate: MeetingRoutes.creatableGroups(context, workingGroups) != nil,
            signedIn: context.signedIn, publicCalendarHref: SiteRoute.publicCalendar)
    }
}
