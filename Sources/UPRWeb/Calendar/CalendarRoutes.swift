import Foundation
import SQLKit
import UPRDomain
import UPRLocalization
import UPRSecurity
import UPRStore
import Vapor

/// The calendar feeds: public meetings for everyone, and a person's feed (the meetings their organisation or they
/// are invited to, and their action items' due dates as all-day events) behind a secret URL that calendar programs
/// can subscribe to without a session.
enum CalendarRoutes {

    static func events(_ meetings: [MeetingSummary], _ request: Request) -> [ICalendar.Event] {
        let settings = request.application.site
        return meetings.map { meeting in
            ICalendar.Event(
                uid: "meeting-\(meeting.id)@\(settings.publicHost)", stamp: meeting.updatedAt, start: meeting.startsAt,
                end: meeting.endsAt, summary: meeting.title,
                description: request.t(meeting.kind.labelKey) + (meeting.workingGroupName.map { " – " + $0 } ?? ""),
                location: meeting.place, url: settings.publicURL + SiteRoute.meeting(meeting.id).href,
                cancelled: meeting.status == .cancelled)
        }
    }

    /// The public deadlines of the follow-up, in every feed: for each state the tracker follows (a state with plan
    /// entries), the mid-term report and the next review counted from its latest review, as all-day events.
    static func deadlines(_ request: Request, on sql: any SQLDatabase) async throws -> [ICalendar.Event] {
        let settings = request.application.site
        let t = request.t
        var events: [ICalendar.Event] = []
        for review in try await ReminderStore(sql).followedReviews() {
            // Stamped with the review day: the deadlines change only with a newer review.
            let stamp = Timestamp.date(review.reviewDate.description + "T00:00:00Z") ?? Date(timeIntervalSince1970: 0)
            let dashboard = settings.publicURL + SiteRoute.dashboard(state: review.state).href
            events.append(
                ICalendar.Event(
                    uid: "midterm-\(review.reviewID)@\(settings.publicHost)", stamp: stamp,
                    day: ReviewCalendar.midTermReport(after: review.reviewDate).description,
                    summary: t("calendar.midTerm", ["state": review.state]), url: dashboard))
            events.append(
                ICalendar.Event(
                    uid: "next-review-\(review.reviewID)@\(settings.publicHost)", stamp: stamp,
                    day: ReviewCalendar.nextReview(after: review.reviewDate).description,
                    summary: t("calendar.nextReview", ["state": review.state]), url: dashboard))
        }
        return events
    }

    /// `public.ics`, or `<token>.ics` for a person's feed.
    @Sendable static func feed(_ request: Request) async throws -> Vapor.Response {
        guard let file = request.parameters.get("file"), file.hasSuffix(".ics") else { throw Abort(.notFound) }
        let name = String(file.dropLast(4))
        let sql = try request.sql()
        let t = request.t
        let calendar: ICalendar
        if name == "public" {
            let meetings = try await MeetingStore(sql).meetings(MeetingFilter(publicOnly: true))
            calendar = ICalendar(
                name: t("calendar.public"),
                events: events(meetings, request) + (try await deadlines(request, on: sql)))
        } else {
            guard let user = try await CalendarTokenStore(sql).user(tokenHash: SecureToken.hash(name)) else {
                throw Abort(.notFound)
            }
            var filter = MeetingFilter()
            filter.invitedOrganisationID = user.organisationID
            filter.invitedUserID = user.id
            var all = events(try await MeetingStore(sql).meetings(filter), request)
            let items = try await ActionItemStore(sql).owned(userID: user.id, organisationID: user.organisationID)
            let now = Date()
            for item in items where item.dueDate != nil && !item.status.isClosed {
                all.append(
                    ICalendar.Event(
                        uid: "action-\(item.id)@\(request.application.site.publicHost)", stamp: now,
                        day: item.dueDate,
                        summary: t("calendar.due", ["title": item.title]),
                        description: item.meetingTitle ?? item.agreementTitle ?? "",
                        url: request.application.site.publicURL + SiteRoute.actionItems.href(at: "action-\(item.id)")))
            }
            all += try await deadlines(request, on: sql)
            calendar = ICalendar(name: t("calendar.personalName", ["name": user.name]), events: all)
        }
        let response = Vapor.Response(status: .ok, body: .init(string: calendar.render()))
        response.headers.contentType = HTTPMediaType(
            type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        // A personal feed must not be kept by shared caches.
        response.headers.replaceOrAdd(
            name: .cacheControl, value: name == "public" ? "max-age=300" : "private, no-store")
        return response
    }

    /// The personal calendar settings: whether the person has a feed address (and since when), the new address
    /// just made (shown once: only its hash is kept), and the public feed's address.
    struct View: Encodable {
        var layout: Layout
        var csrf: String
        var since: String?
        var url: String?
        var publicURL: String

        /// The page from when the person's address was made (a stored timestamp, nil for none), the token of the
        /// address just made if any, and the site's public address the feeds' addresses start with.
        static func build(_ context: PageContext, since: String?, newToken: String? = nil, siteURL: String) -> View {
            let t = context.t
            return View(
                layout: Layout(context, title: t("calendar.personal"), section: .account), csrf: context.csrf,
                since: since.flatMap(Timestamp.date).map { t.date($0) },
                url: newToken.map { siteURL + SiteRoute.personalCalendar(token: $0).href },
                publicURL: siteURL + SiteRoute.publicCalendar.href)
        }
    }

    @Sendable static func show(_ request: Request) async throws -> Vapor.Response {
        let user = try request.requireUser()
        let since = try await CalendarTokenStore(try request.sql()).createdAt(userID: user.account.id)
        return try await render(request, since: since, newToken: nil)
    }

    static func render(_ request: Request, since: String?, newToken: String?) async throws -> Vapor.Response {
        let view = View.build(
            request.page, since: since, newToken: newToken, siteURL: request.application.site.publicURL)
        return try await request.view.render("calendar", view).encodeResponse(for: request)
    }

    /// Makes a new secret address (the old one stops working) and shows it once; only its hash is stored.
    static let renew = FormPost(
        VersionForm.self, load: { try $0.requireUser() }, rule: .signedIn,
        write: { user, _, write in
            let token = SecureToken.generate()
            try await CalendarTokenStore(write.sql).replace(
                userID: user.account.id, tokenHash: SecureToken.hash(token), actor: write.actor)
            return .page { request in
                try await render(request, since: Timestamp.string(Date()), newToken: token)
            }
        })
}
