import FluentKit
import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// The meetings' routes: list, page, schedule and edit, the running forms, hold or cancel, history.
enum MeetingRoutes {

    /// The meeting of the path, or 404; the public only finds public meetings.
    static func meeting(_ request: Request) async throws -> Meeting {
        guard let id = request.parameters.get("id", as: Int.self),
            let meeting = try await MeetingStore(try request.sql()).meeting(id: id)
        else { throw Abort(.notFound) }
        if !meeting.fields.isPublic && !Authorization.allows(request.actor, .readDrafts) { throw Abort(.notFound) }
        return meeting
    }

    /// The groups a person may schedule meetings for, or nil when they may schedule none at all.
    static func creatableGroups(_ context: PageContext, _ groups: [WorkingGroup]) -> [WorkingGroup]? {
        let allowed = groups.filter { context.allows(.createMeeting(workingGroupID: $0.id)) }
        if allowed.isEmpty && !context.allows(.createMeeting(workingGroupID: nil)) { return nil }
        return allowed
    }

    struct StatusForm: Content {
        var status: String?
        var version: Int?
    }

    /// Holding or cancelling a meeting.
    static let setStatus = FormPost(
        StatusForm.self, load: { try await meeting($0) },
        rule: .forSubject { .runMeeting(workingGroupID: $0.fields.workingGroupID) },
        write: { meeting, form, write in
            guard let status = form.status.flatMap(MeetingStatus.init(rawValue:)) else {
                throw StoreError.invalid(field: "status", messageKey: "form.error.choice")
            }
            try await MeetingStore(write.sql).setStatus(
                meeting.id, version: form.version ?? 0, status: status, actor: write.actor)
            return .redirect(.meeting(meeting.id))
        })

    struct MoveForm: Content {
        var direction: String?
        var version: Int?
    }

    static let moveAgendaItem = FormPost(
        MoveForm.self, load: { try await meeting($0) },
        rule: .forSubject { .runMeeting(workingGroupID: $0.fields.workingGroupID) },
        write: { meeting, form, write in
            guard let item = write.request.parameters.get("item", as: Int.self), let direction = form.direction,
                direction == "up" || direction == "down"
            else { throw StoreError.invalid(field: "direction", messageKey: "form.error.choice") }
            try await MeetingStore(write.sql).moveAgendaItem(
                meeting.id, version: form.version ?? 0, itemID: item, up: direction == "up", actor: write.actor)
            return .redirect(.meeting(meeting.id), at: "agenda")
        })

    /// Every change of a meeting, for the members (the details may include members-only minutes).
    @Sendable static func history(_ request: Request) async throws -> Vapor.Response {
        let meeting = try await meeting(request)
        try request.require(.readDrafts)
        let t = request.t
        let log = try await AuditLog.history(entity: .meeting, id: meeting.id, on: request.sql())
        // The meeting's fields are named as stored (there are no catalog labels for them yet); the time is
        // written like the other history pages' (it was an ISO timestamp here alone).
        let view = HistoryView.make(
            log, heading: t("history.title"), back: .meeting(meeting.id), section: .meetings, request.page
        ) { $0 }
        return try await request.view.render("history", view).encodeResponse(for: request)
    }
}
