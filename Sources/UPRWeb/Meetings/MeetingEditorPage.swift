import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// Scheduling a meeting or changing its details. When someone else saved first, the form comes back with their
/// values beside what this person typed.
struct MeetingEditorView: Encodable {
    var layout: Layout
    var csrf: String
    var heading: String
    var action: SiteRoute
    var version: Int
    var kinds: [SelectOption]
    var title: String
    var startsLocal: String
    var endsLocal: String
    var zones: [SelectOption]
    var place: String
    var organisers: [SelectOption]
    var groups: [SelectOption]
    var isPublic: Bool
    var organisations: [SelectOption]
    var people: [SelectOption]
    var errors: [FieldError]
    var hasErrors: Bool
    var conflicts: [PlanEditorView.Conflict]
    var hasConflict: Bool

    /// What the form offers to choose from, as the store has it: the organisations, the working groups and the
    /// people with an account. The page offers the active ones, and the groups the person may schedule for.
    struct Choices: Sendable {
        var organisations: [Organisation]
        var workingGroups: [WorkingGroup]
        var users: [UserAccount]
    }

    static func load(_ request: Request) async throws -> Choices {
        let sql = try request.sql()
        let store = OrganisationStore(sql)
        return Choices(
            organisations: try await store.organisations(), workingGroups: try await store.workingGroups(),
            users: try await AccountStore(sql).users())
    }

    /// The form for the meeting of `meetingID` (nil for a new one) with `fields` in it.
    static func build(
        _ context: PageContext, _ choices: Choices, meetingID: Int?, fields: MeetingFields, version: Int,
        errors: [FieldError] = [], conflicts: [PlanEditorView.Conflict] = []
    ) -> MeetingEditorView {
        let t = context.t
        let organisations = choices.organisations.filter { $0.validTo == nil }
        let groups = MeetingRoutes.creatableGroups(context, choices.workingGroups) ?? []
        let users = choices.users.filter(\.active)
        let none = SelectOption(value: "", label: t("common.none"), selected: false)
        let heading = meetingID == nil ? t("meeting.new.title") : t("meeting.edit.title", ["title": fields.title])
        return MeetingEditorView(
            layout: Layout(context, title: heading, section: .meetings), csrf: context.csrf,
            heading: heading, action: (meetingID.map { SiteRoute.meetingEdit($0) } ?? .meetings), version: version,
            kinds: MeetingKind.allCases.map {
                SelectOption(value: $0.rawValue, label: t($0.labelKey), selected: $0 == fields.kind)
            },
            title: fields.title, startsLocal: fields.startsLocal, endsLocal: fields.endsLocal,
            zones: MeetingTime.zones.map { SelectOption(value: $0, label: $0, selected: $0 == fields.timeZone) },
            place: fields.place,
            organisers: [none]
                + organisations.map {
                    SelectOption(value: String($0.id), label: $0.name, selected: $0.id == fields.organiserID)
                },
            groups: (context.allows(.createMeeting(workingGroupID: nil)) ? [none] : [])
                + groups.map {
                    SelectOption(value: String($0.id), label: $0.name, selected: $0.id == fields.workingGroupID)
                },
            isPublic: fields.isPublic,
            organisations: organisations.map {
                SelectOption(
                    value: String($0.id), label: $0.name, selected: fields.invitedOrganisationIDs.contains($0.id))
            },
            people: users.map {
                SelectOption(
                    value: String($0.id), label: $0.name + ($0.organisationName.map { " (\($0))" } ?? ""),
                    selected: fields.invitedUserIDs.contains($0.id))
            },
            errors: errors, hasErrors: !errors.isEmpty, conflicts: conflicts, hasConflict: !conflicts.isEmpty)
    }

    @Sendable static func showNew(_ request: Request) async throws -> Vapor.Response {
        let choices = try await load(request)
        guard let groups = MeetingRoutes.creatableGroups(request.page, choices.workingGroups) else {
            throw Abort(request.currentUser == nil ? .unauthorized : .forbidden)
        }
        var fields = MeetingFields()
        fields.workingGroupID = groups.first?.id
        fields.organiserID = request.currentUser?.account.organisationID
        let view = build(request.page, choices, meetingID: nil, fields: fields, version: 0)
        return try await request.view.render("meeting-form", view).encodeResponse(for: request)
    }

    @Sendable static func showEdit(_ request: Request) async throws -> Vapor.Response {
        let meeting = try await MeetingRoutes.meeting(request)
        try request.require(.runMeeting(workingGroupID: meeting.fields.workingGroupID))
        let view = build(
            request.page, try await load(request), meetingID: meeting.id, fields: meeting.fields,
            version: meeting.version)
        return try await request.view.render("meeting-form", view).encodeResponse(for: request)
    }

    /// Creates (no id in the path) or saves (an id) a meeting.
    static let save = FormPost(
        MeetingForm.self,
        load: { request -> Meeting? in
            request.parameters.get("id") == nil ? nil : try await MeetingRoutes.meeting(request)
        }, rule: .byForm,
        write: { existing, form, write in
            if let existing { try write.require(.runMeeting(workingGroupID: existing.fields.workingGroupID)) }
            let fields = try form.fields()
            // Creating, or moving a meeting to another group, needs the right to schedule for that group.
            if existing == nil || existing?.fields.workingGroupID != fields.workingGroupID {
                try write.require(.createMeeting(workingGroupID: fields.workingGroupID))
            }
            let store = MeetingStore(write.sql)
            if let existing {
                try await store.update(existing.id, version: form.version ?? 0, fields: fields, actor: write.actor)
                return .redirect(.meeting(existing.id))
            }
            return .redirect(
                .meeting(try await store.create(fields, userID: write.principal.userID, actor: write.actor)))
        },
        refused: { request, existing, form, errors in
            // The typed fields, or the saved ones when the typed ones could not be read.
            let view = build(
                request.page, try await load(request), meetingID: existing?.id,
                fields: (try? form.fields()) ?? existing?.fields ?? MeetingFields(), version: form.version ?? 0,
                errors: errors)
            return try await request.render("meeting-form", view, status: .unprocessableEntity)
        },
        conflict: { request, existing, form in
            let t = request.t
            let fields = try form.fields()
            let current = try await MeetingStore(try request.sql()).meeting(id: existing?.id ?? 0)
            let conflicts = ConflictField.rows(theirs: current?.fields.asText ?? [:], yours: fields.asText) {
                t("meeting.field.\($0)")
            }
            let view = build(
                request.page, try await load(request), meetingID: existing?.id, fields: fields,
                version: current?.version ?? 0,
                errors: [FieldError(field: "title", message: t("meeting.conflict.message"))], conflicts: conflicts)
            return try await request.render("meeting-form", view, status: .conflict)
        })
}
