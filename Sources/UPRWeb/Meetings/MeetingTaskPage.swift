import SQLKit
import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// The small forms of a running meeting, one task per page: add an agenda item, record a decision (with an
/// optional action item), assign an action item, record attendance and minutes. A stale version brings the form
/// back, as typed, with a conflict message and the meeting's current version.
struct MeetingTaskView: Encodable {
    typealias Task = MeetingTask
    var layout: Layout
    var csrf: String
    var heading: String
    var meetingTitle: String
    var meetingHref: SiteRoute
    var action: SiteRoute
    var version: Int
    var isAgenda: Bool
    var isDecision: Bool
    var isAction: Bool
    var isMinutes: Bool
    var form: Typed
    var agendaItems: [SelectOption]
    var planEntries: [SelectOption]
    var indicators: [SelectOption]
    var people: [SelectOption]
    var organisations: [SelectOption]
    var attendingOrganisations: [SelectOption]
    var attendingPeople: [SelectOption]
    var errors: [FieldError]
    var hasErrors: Bool

    /// What the person typed, sent back with the form.
    struct Typed: Encodable {
        var title = ""
        var notes = ""
        var recommendation = ""
        var text = ""
        var actionTitle = ""
        var dueDate = ""
        var minutes = ""
    }

    /// What the forms offer to choose from, as the store has it: the organisations and the people with an account
    /// (the page offers the active ones), and the plan entries and indicators an item or a decision may be about.
    struct Choices: Sendable {
        var organisations: [Organisation]
        var users: [UserAccount]
        var subjects: MeetingTaskChoices
    }

    static func load(_ request: Request, _ meeting: Meeting) async throws -> Choices {
        let sql = try request.sql()
        let organisations = try await OrganisationStore(sql).organisations()
        let users = try await AccountStore(sql).users()
        // A working group's meeting offers the group's plan entries and their indicators; another meeting, every
        // indicator.
        let subjects = try await MeetingStore(sql).taskChoices(workingGroupID: meeting.fields.workingGroupID)
        return Choices(organisations: organisations, users: users, subjects: subjects)
    }

    /// The form of `task` for `meeting`, empty (the minutes and attendance as recorded) or as typed.
    static func build(
        _ context: PageContext, _ meeting: Meeting, _ task: Task, _ choices: Choices, form: MeetingTaskForm?,
        version: Int, errors: [FieldError] = []
    ) -> MeetingTaskView {
        let t = context.t
        let organisations = choices.organisations.filter { $0.validTo == nil }
        let users = choices.users.filter(\.active)
        let none = SelectOption(value: "", label: t("common.none"), selected: false)
        let clean = MeetingTaskForm.clean
        var typed = Typed()
        typed.title = clean(form?.title)
        typed.notes = clean(form?.notes)
        typed.recommendation = clean(form?.recommendation)
        typed.text = clean(form?.text)
        typed.actionTitle = clean(form?.actionTitle)
        typed.dueDate = clean(form?.dueDate)
        typed.minutes = form?.minutes ?? meeting.minutes
        let entries =
            [none]
            + choices.subjects.planEntries.map {
                SelectOption(value: String($0.id), label: $0.label, selected: clean(form?.planEntryID) == String($0.id))
            }
        let indicators = choices.subjects.indicators.map {
            SelectOption(value: String($0.id), label: $0.label, selected: clean(form?.indicatorID) == String($0.id))
        }
        let attendingOrganisations =
            form?.attendingOrganisationIDs.map(Set.init)
            ?? Set(meeting.organisations.filter(\.attended).map(\.id))
        let attendingPeople = form?.attendingUserIDs.map(Set.init) ?? Set(meeting.people.filter(\.attended).map(\.id))
        let heading = t("meeting.task.\(task.rawValue)")
        return MeetingTaskView(
            layout: Layout(context, title: heading, section: .meetings), csrf: context.csrf,
            heading: heading, meetingTitle: meeting.fields.title, meetingHref: SiteRoute.meeting(meeting.id),
            action: SiteRoute.meetingTask(meetingID: meeting.id, task), version: version,
            isAgenda: task == .agenda,
            isDecision: task == .decision, isAction: task == .action, isMinutes: task == .minutes, form: typed,
            agendaItems: [none]
                + meeting.agenda.enumerated().map { index, item in
                    SelectOption(
                        value: String(item.id), label: "\(index + 1). \(item.title)",
                        selected: clean(form?.agendaItemID) == String(item.id))
                },
            planEntries: entries, indicators: [none] + indicators,
            people: [none]
                + users.map {
                    SelectOption(
                        value: String($0.id), label: $0.name + ($0.organisationName.map { " (\($0))" } ?? ""),
                        selected: clean(form?.ownerUserID) == String($0.id))
                },
            organisations: [none]
                + organisations.map {
                    SelectOption(
                        value: String($0.id), label: $0.name,
                        selected: clean(form?.ownerOrganisationID) == String($0.id))
                },
            attendingOrganisations: organisations.map {
                SelectOption(value: String($0.id), label: $0.name, selected: attendingOrganisations.contains($0.id))
            },
            attendingPeople: users.map {
                SelectOption(value: String($0.id), label: $0.name, selected: attendingPeople.contains($0.id))
            },
            errors: errors, hasErrors: !errors.isEmpty)
    }

    static func show(_ task: Task) -> @Sendable (Request) async throws -> Vapor.Response {
        { request in
            let meeting = try await MeetingRoutes.meeting(request)
            try request.require(.runMeeting(workingGroupID: meeting.fields.workingGroupID))
            let choices = try await load(request, meeting)
            let view = build(request.page, meeting, task, choices, form: nil, version: meeting.version)
            return try await request.view.render("meeting-task", view).encodeResponse(for: request)
        }
    }

    static func save(_ task: Task) -> FormPost<Meeting, MeetingTaskForm> {
        FormPost(
            load: { try await MeetingRoutes.meeting($0) },
            rule: .forSubject { .runMeeting(workingGroupID: $0.fields.workingGroupID) },
            write: { meeting, form, write in
                let version = form.version ?? 0
                let (store, actor) = (MeetingStore(write.sql), write.actor)
                switch task {
                case .agenda:
                    _ = try await store.addAgendaItem(meeting.id, version: version, try form.agendaItem(), actor: actor)
                case .decision:
                    _ = try await store.addDecision(
                        meeting.id, version: version, agendaItemID: Int(MeetingTaskForm.clean(form.agendaItemID)),
                        text: form.text ?? "", action: form.action(required: false), actor: actor)
                case .action:
                    _ = try await store.addActionItem(
                        meeting.id, version: version, form.action(required: true)!, actor: actor)
                case .minutes:
                    try await store.recordMinutes(
                        meeting.id, version: version,
                        minutes: (form.minutes ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                        attendingOrganisationIDs: form.attendingOrganisationIDs ?? [],
                        attendingUserIDs: form.attendingUserIDs ?? [], actor: actor)
                }
                return .redirect(.meeting(meeting.id))
            },
            refused: { request, meeting, form, errors in
                let choices = try await load(request, meeting)
                let view = build(
                    request.page, meeting, task, choices, form: form, version: form.version ?? 0, errors: errors)
                return try await request.render("meeting-task", view, status: .unprocessableEntity)
            },
            conflict: { request, _, form in
                let current = try await MeetingRoutes.meeting(request)
                let choices = try await load(request, current)
                let view = build(
                    request.page, current, task, choices, form: form, version: current.version,
                    errors: [FieldError(field: "version", message: request.t("meeting.conflict.message"))])
                return try await request.render("meeting-task", view, status: .conflict)
            })
    }
}
