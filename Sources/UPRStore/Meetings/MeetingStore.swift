import Foundation
import SQLKit
import UPRDomain

/// Meetings and everything in them. A meeting's details, attendance, agenda, minutes, decisions and action items
/// share the meeting's version: every change names the version it was made from, so two people running the same
/// meeting cannot overwrite each other. Every change is in the audit log under the meeting.
public struct MeetingStore: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    static let summaryColumns = """
        m.id, m.kind, m.title, m.starts_at, m.ends_at, m.time_zone, m.place, m.status, m.is_public,
        m.working_group_id, g.name AS group_name, m.updated_at
        """

    static func summary(_ row: any SQLRow) throws -> MeetingSummary {
        MeetingSummary(
            id: try row.decode(column: "id", as: Int.self),
            kind: MeetingKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .other,
            title: try row.decode(column: "title", as: String.self),
            startsAt: Timestamp.date(try row.decode(column: "starts_at", as: String.self)) ?? .distantPast,
            endsAt: Timestamp.date(try row.decode(column: "ends_at", as: String.self)) ?? .distantPast,
            timeZone: try row.decode(column: "time_zone", as: String.self),
            place: try row.decode(column: "place", as: String.self),
            status: MeetingStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .planned,
            isPublic: try row.decode(column: "is_public", as: Int.self) != 0,
            workingGroupID: try row.decode(column: "working_group_id", as: Int?.self),
            workingGroupName: try row.decode(column: "group_name", as: String?.self),
            updatedAt: Timestamp.date(try row.decode(column: "updated_at", as: String.self)) ?? .distantPast)
    }

    /// Meetings in date order.
    public func meetings(_ filter: MeetingFilter) async throws -> [MeetingSummary] {
        var conditions: [SQLQueryString] = []
        if let kind = filter.kind { conditions.append("m.kind = \(bind: kind.rawValue)") }
        if let group = filter.workingGroupID { conditions.append("m.working_group_id = \(bind: group)") }
        if filter.publicOnly { conditions.append("m.is_public = 1") }
        if filter.invitedOrganisationID != nil || filter.invitedUserID != nil {
            conditions.append(
                """
                (m.id IN (SELECT meeting_id FROM meeting_organisations WHERE invited = 1
                          AND organisation_id = \(bind: filter.invitedOrganisationID ?? -1))
                 OR m.id IN (SELECT meeting_id FROM meeting_people WHERE invited = 1
                          AND user_id = \(bind: filter.invitedUserID ?? -1)))
                """)
        }
        var query: SQLQueryString =
            "SELECT \(unsafeRaw: Self.summaryColumns) FROM meetings m LEFT JOIN working_groups g ON g.id = m.working_group_id"
        if !conditions.isEmpty { query = query + " WHERE " + conditions.joined(separator: " AND ") }
        query = query + " ORDER BY m.starts_at, m.id"
        return try await sql.raw(query).all().map(Self.summary)
    }

    /// A meeting with its attendance, agenda, decisions and action items.
    public func meeting(id: Int) async throws -> Meeting? {
        guard
            let row = try await sql.raw(
                """
                SELECT m.*, g.name AS group_name, o.name AS organiser_name FROM meetings m
                LEFT JOIN working_groups g ON g.id = m.working_group_id
                LEFT JOIN organisations o ON o.id = m.organiser_organisation_id WHERE m.id = \(bind: id)
                """
            ).first()
        else { return nil }
        var fields = MeetingFields()
        fields.kind = MeetingKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .other
        fields.title = try row.decode(column: "title", as: String.self)
        fields.timeZone = try row.decode(column: "time_zone", as: String.self)
        let starts = Timestamp.date(try row.decode(column: "starts_at", as: String.self)) ?? .distantPast
        let ends = Timestamp.date(try row.decode(column: "ends_at", as: String.self)) ?? .distantPast
        fields.startsLocal = MeetingTime.local(starts, zone: fields.timeZone)
        fields.endsLocal = MeetingTime.local(ends, zone: fields.timeZone)
        fields.place = try row.decode(column: "place", as: String.self)
        fields.organiserID = try row.decode(column: "organiser_organisation_id", as: Int?.self)
        fields.workingGroupID = try row.decode(column: "working_group_id", as: Int?.self)
        fields.isPublic = try row.decode(column: "is_public", as: Int.self) != 0
        var meeting = Meeting(
            id: id, fields: fields, startsAt: starts, endsAt: ends,
            organiserName: try row.decode(column: "organiser_name", as: String?.self),
            workingGroupName: try row.decode(column: "group_name", as: String?.self),
            status: MeetingStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .planned,
            minutes: try row.decode(column: "minutes", as: String.self),
            version: try row.decode(column: "version", as: Int.self))
        meeting.organisations = try await participants(
            "SELECT p.organisation_id AS id, o.name, p.invited, p.attended FROM meeting_organisations p JOIN organisations o ON o.id = p.organisation_id WHERE p.meeting_id = \(bind: id) ORDER BY o.name"
        )
        meeting.people = try await participants(
            "SELECT p.user_id AS id, u.name, p.invited, p.attended FROM meeting_people p JOIN users u ON u.id = p.user_id WHERE p.meeting_id = \(bind: id) ORDER BY u.name"
        )
        meeting.fields.invitedOrganisationIDs = meeting.organisations.filter(\.invited).map(\.id)
        meeting.fields.invitedUserIDs = meeting.people.filter(\.invited).map(\.id)
        meeting.agenda = try await sql.raw(
            """
            SELECT a.id, a.position, a.title, a.notes, a.recommendation_id, a.plan_entry_id, a.subject_kind,
                   a.subject_id, r.paragraph, r.text AS recommendation_text, i.title AS indicator_title
            FROM agenda_items a LEFT JOIN recommendations r ON r.id = a.recommendation_id
            LEFT JOIN indicators i ON a.subject_kind = \(bind: EntityKind.indicator.rawValue) AND i.id = a.subject_id
            WHERE a.meeting_id = \(bind: id) ORDER BY a.position, a.id
            """
        ).all().map { row in
            let paragraph = try row.decode(column: "paragraph", as: String?.self)
            let text = try row.decode(column: "recommendation_text", as: String?.self)
            return AgendaItem(
                id: try row.decode(column: "id", as: Int.self),
                position: try row.decode(column: "position", as: Int.self),
                title: try row.decode(column: "title", as: String.self),
                notes: try row.decode(column: "notes", as: String.self),
                recommendationID: try row.decode(column: "recommendation_id", as: Int?.self),
                recommendationLabel: text.map {
                    [paragraph, String($0.prefix(120))].compactMap { $0 }.joined(separator: " ")
                },
                planEntryID: try row.decode(column: "plan_entry_id", as: Int?.self),
                subjectKind: try row.decode(column: "subject_kind", as: String?.self).flatMap(
                    EntityKind.init(rawValue:)),
                subjectID: try row.decode(column: "subject_id", as: Int?.self),
                subjectLabel: try row.decode(column: "indicator_title", as: String?.self))
        }
        meeting.decisions = try await sql.raw(
            "SELECT id, agenda_item_id, text FROM decisions WHERE meeting_id = \(bind: id) ORDER BY id"
        ).all().map { row in
            Decision(
                id: try row.decode(column: "id", as: Int.self),
                agendaItemID: try row.decode(column: "agenda_item_id", as: Int?.self),
                text: try row.decode(column: "text", as: String.self))
        }
        meeting.actionItems = try await ActionItemStore(sql).items("a.meeting_id = \(bind: id)")
        return meeting
    }

    private func participants(_ query: SQLQueryString) async throws -> [Meeting.Participant] {
        try await sql.raw(query).all().map { row in
            Meeting.Participant(
                id: try row.decode(column: "id", as: Int.self), name: try row.decode(column: "name", as: String.self),
                invited: try row.decode(column: "invited", as: Int.self) != 0,
                attended: try row.decode(column: "attended", as: Int.self) != 0)
        }
    }

    // MARK: - Checks

    /// Refuses ids that name nothing, naming the field, so a bad form is a message and not a foreign-key failure.
    func checkExist(_ table: String, _ ids: [Int], field: String) async throws {
        let unique = Set(ids)
        guard !unique.isEmpty else { return }
        let found = try await sql.raw(
            "SELECT COUNT(*) AS n FROM \(ident: table) WHERE id IN (\(binds: unique.sorted()))"
        ).first()?.decode(column: "n", as: Int.self)
        guard found == unique.count else { throw StoreError.invalid(field: field, messageKey: "form.error.choice") }
    }

    private func check(_ fields: MeetingFields) async throws {
        if let problem = fields.problems().first {
            throw StoreError.invalid(field: problem.field, messageKey: problem.messageKey)
        }
        try await checkExist("organisations", fields.organiserID.map { [$0] } ?? [], field: "organiserID")
        try await checkExist("working_groups", fields.workingGroupID.map { [$0] } ?? [], field: "workingGroupID")
        try await checkExist("organisations", fields.invitedOrganisationIDs, field: "invitedOrganisationIDs")
        try await checkExist("users", fields.invitedUserIDs, field: "invitedUserIDs")
    }

    /// Bumps the meeting's version if it is still `version` (else `StoreError.staleVersion`).
    private func touch(_ id: Int, version: Int, _ values: [(String, any Encodable & Sendable)] = []) async throws {
        _ = try await VersionedUpdate.run(table: "meetings", id: id, expected: version, values: values, on: sql)
    }

    private func audit(_ id: Int, _ action: String, _ summary: String, actor: String, details: [String: String] = [:])
        async throws
    {
        try await AuditLog.append(
            on: sql, actor: actor, action: action, entity: .meeting, entityID: String(id), summary: summary,
            details: details)
    }

    // MARK: - Writes

    /// Schedules a meeting; returns its id.
    public func create(_ fields: MeetingFields, userID: Int?, actor: String) async throws -> Int {
        try await check(fields)
        let now = Timestamp.string(Date())
        let row = try await sql.insert(into: "meetings")
            .columns(
                "kind", "title", "starts_at", "ends_at", "time_zone", "place", "organiser_organisation_id",
                "working_group_id", "status", "is_public", "created_by", "created_at", "updated_at"
            )
            .values(
                fields.kind.rawValue, fields.title, Timestamp.string(fields.startsAt!),
                Timestamp.string(fields.endsAt!), fields.timeZone, fields.place, fields.organiserID,
                fields.workingGroupID, MeetingStatus.planned.rawValue, fields.isPublic ? 1 : 0, userID, now, now
            )
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int.self) else { throw StoreError.missingRow("meeting") }
        try await setFlag("meeting_organisations", "organisation_id", id, "invited", fields.invitedOrganisationIDs)
        try await setFlag("meeting_people", "user_id", id, "invited", fields.invitedUserIDs)
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: "create", entity: .meeting, entityID: id, summary: "Meeting scheduled",
            before: [:], after: fields.asText)
        return id
    }

    /// Saves the schedule form if nobody changed the meeting since `version`.
    public func update(_ id: Int, version: Int, fields: MeetingFields, actor: String) async throws {
        try await check(fields)
        guard let before = try await meeting(id: id) else { throw StoreError.missingRow("meeting \(id)") }
        try await touch(
            id, version: version,
            [
                ("kind", fields.kind.rawValue), ("title", fields.title),
                ("starts_at", Timestamp.string(fields.startsAt!)), ("ends_at", Timestamp.string(fields.endsAt!)),
                ("time_zone", fields.timeZone), ("place", fields.place),
                ("organiser_organisation_id", fields.organiserID), ("working_group_id", fields.workingGroupID),
                ("is_public", fields.isPublic ? 1 : 0),
            ])
        try await setFlag("meeting_organisations", "organisation_id", id, "invited", fields.invitedOrganisationIDs)
        try await setFlag("meeting_people", "user_id", id, "invited", fields.invitedUserIDs)
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: "update", entity: .meeting, entityID: id, summary: "Meeting edited",
            before: before.fields.asText, after: fields.asText)
    }

    /// Marks a meeting held or cancelled (or planned again).
    public func setStatus(_ id: Int, version: Int, status: MeetingStatus, actor: String) async throws {
        guard let before = try await meeting(id: id) else { throw StoreError.missingRow("meeting \(id)") }
        try await touch(id, version: version, [("status", status.rawValue)])
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: "status", entity: .meeting, entityID: id,
            summary: "Meeting \(status.rawValue)", before: ["status": before.status.rawValue],
            after: ["status": status.rawValue])
    }

    /// Records who attended and the minutes.
    public func recordMinutes(
        _ id: Int, version: Int, minutes: String, attendingOrganisationIDs: [Int], attendingUserIDs: [Int],
        actor: String
    ) async throws {
        guard minutes.count <= 50_000 else {
            throw StoreError.invalid(field: "minutes", messageKey: "form.error.tooLong")
        }
        try await checkExist("organisations", attendingOrganisationIDs, field: "attendingOrganisationIDs")
        try await checkExist("users", attendingUserIDs, field: "attendingUserIDs")
        guard let before = try await meeting(id: id) else { throw StoreError.missingRow("meeting \(id)") }
        try await touch(id, version: version, [("minutes", minutes)])
        try await setFlag("meeting_organisations", "organisation_id", id, "attended", attendingOrganisationIDs)
        try await setFlag("meeting_people", "user_id", id, "attended", attendingUserIDs)
        func ids(_ list: [Meeting.Participant]) -> String {
            list.filter(\.attended).map { String($0.id) }.sorted().joined(separator: ",")
        }
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: "minutes", entity: .meeting, entityID: id,
            summary: "Minutes and attendance recorded",
            before: [
                "minutes": before.minutes, "attendingOrganisations": ids(before.organisations),
                "attendingPeople": ids(before.people),
            ],
            after: [
                "minutes": minutes,
                "attendingOrganisations": Set(attendingOrganisationIDs).sorted().map(String.init).joined(
                    separator: ","),
                "attendingPeople": Set(attendingUserIDs).sorted().map(String.init).joined(separator: ","),
            ])
    }

    /// Adds an item at the end of the agenda; returns its id.
    public func addAgendaItem(_ meetingID: Int, version: Int, _ item: AgendaItemFields, actor: String) async throws
        -> Int
    {
        let title = item.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw StoreError.invalid(field: "title", messageKey: "form.error.required") }
        guard title.count <= 500 else { throw StoreError.invalid(field: "title", messageKey: "form.error.tooLong") }
        guard item.notes.count <= 5_000 else {
            throw StoreError.invalid(field: "notes", messageKey: "form.error.tooLong")
        }
        try await checkExist("recommendations", item.recommendationID.map { [$0] } ?? [], field: "recommendation")
        try await checkExist("plan_entries", item.planEntryID.map { [$0] } ?? [], field: "planEntryID")
        switch item.subjectKind {
        case nil: break
        case .indicator?:
            try await checkExist("indicators", item.subjectID.map { [$0] } ?? [], field: "indicatorID")
        default: throw StoreError.invalid(field: "indicatorID", messageKey: "form.error.choice")
        }
        try await touch(meetingID, version: version)
        let next =
            try await sql.raw(
                "SELECT COALESCE(MAX(position), 0) + 1 AS n FROM agenda_items WHERE meeting_id = \(bind: meetingID)"
            ).first()?.decode(column: "n", as: Int.self) ?? 1
        let row = try await sql.insert(into: "agenda_items")
            .columns(
                "meeting_id", "position", "title", "notes", "recommendation_id", "plan_entry_id", "subject_kind",
                "subject_id"
            )
            .values(
                meetingID, next, title, item.notes, item.recommendationID, item.planEntryID, item.subjectKind?.rawValue,
                item.subjectID
            )
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int.self) else { throw StoreError.missingRow("agenda item") }
        try await audit(
            meetingID, "agenda-add", "Agenda item added", actor: actor,
            details: [
                "agendaItem": String(id), "title": title,
                "recommendation": item.recommendationID.map(String.init) ?? "",
                "subject": item.subjectKind.map { "\($0.rawValue) \(item.subjectID ?? 0)" } ?? "",
            ])
        return id
    }

    /// Moves an agenda item one place up or down (swapping with its neighbour).
    public func moveAgendaItem(_ meetingID: Int, version: Int, itemID: Int, up: Bool, actor: String) async throws {
        let items = try await sql.raw(
            "SELECT id, position FROM agenda_items WHERE meeting_id = \(bind: meetingID) ORDER BY position, id"
        ).all().map { (try $0.decode(column: "id", as: Int.self), try $0.decode(column: "position", as: Int.self)) }
        guard let index = items.firstIndex(where: { $0.0 == itemID }) else {
            throw StoreError.invalid(field: "item", messageKey: "form.error.choice")
        }
        let other = up ? index - 1 : index + 1
        guard items.indices.contains(other) else { return }
        try await touch(meetingID, version: version)
        // Renumber the whole agenda 1…n with the two swapped, so equal or gapped positions cannot linger.
        var order = items.map(\.0)
        order.swapAt(index, other)
        for (position, id) in order.enumerated() {
            try await sql.update("agenda_items").set("position", to: position + 1).where("id", .equal, id).run()
        }
        try await audit(
            meetingID, "agenda-move", up ? "Agenda item moved up" : "Agenda item moved down", actor: actor,
            details: ["agendaItem": String(itemID), "order": order.map(String.init).joined(separator: ",")])
    }

    /// Records a decision, with an optional action item coming from it; returns the decision's id.
    public func addDecision(
        _ meetingID: Int, version: Int, agendaItemID: Int?, text: String, action: ActionItemFields?, actor: String
    ) async throws -> Int {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw StoreError.invalid(field: "text", messageKey: "form.error.required") }
        guard text.count <= 5_000 else { throw StoreError.invalid(field: "text", messageKey: "form.error.tooLong") }
        if let agendaItemID {
            let found = try await sql.raw(
                "SELECT id FROM agenda_items WHERE id = \(bind: agendaItemID) AND meeting_id = \(bind: meetingID)"
            ).first()
            guard found != nil else { throw StoreError.invalid(field: "agendaItemID", messageKey: "form.error.choice") }
        }
        if let action { try await ActionItemStore(sql).check(action) }
        try await touch(meetingID, version: version)
        let row = try await sql.insert(into: "decisions")
            .columns("meeting_id", "agenda_item_id", "text", "created_at")
            .values(meetingID, agendaItemID, text, Timestamp.string(Date()))
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int.self) else { throw StoreError.missingRow("decision") }
        try await audit(
            meetingID, "decision", "Decision recorded", actor: actor,
            details: ["decision": String(id), "text": text, "agendaItem": agendaItemID.map(String.init) ?? ""])
        if let action {
            _ = try await ActionItemStore(sql).insert(action, meetingID: meetingID, decisionID: id, actor: actor)
        }
        return id
    }

    /// Adds an action item to a meeting (and tells its owner); returns its id.
    public func addActionItem(_ meetingID: Int, version: Int, _ fields: ActionItemFields, actor: String)
        async throws -> Int
    {
        try await ActionItemStore(sql).check(fields)
        try await touch(meetingID, version: version)
        return try await ActionItemStore(sql).insert(fields, meetingID: meetingID, decisionID: nil, actor: actor)
    }

    /// Sets `flag` (invited or attended) for exactly `ids`, keeping rows that still carry the other flag.
    private func setFlag(_ table: String, _ key: String, _ meetingID: Int, _ flag: String, _ ids: [Int]) async throws {
        try await sql.raw("UPDATE \(ident: table) SET \(ident: flag) = 0 WHERE meeting_id = \(bind: meetingID)").run()
        for id in Set(ids).sorted() {
            let updated = try await sql.raw(
                """
                UPDATE \(ident: table) SET \(ident: flag) = 1
                WHERE meeting_id = \(bind: meetingID) AND \(ident: key) = \(bind: id) RETURNING meeting_id
                """
            ).first()
            if updated == nil {
                try await sql.raw(
                    """
                    INSERT INTO \(ident: table) (meeting_id, \(ident: key), invited, attended)
                    VALUES (\(bind: meetingID), \(bind: id), \(bind: flag == "invited" ? 1 : 0), \(bind: flag == "attended" ? 1 : 0))
                    """
                ).run()
            }
        }
        try await sql.raw(
            "DELETE FROM \(ident: table) WHERE meeting_id = \(bind: meetingID) AND invited = 0 AND attended = 0"
        ).run()
    }
}
