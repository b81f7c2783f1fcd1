import Foundation
import SQLKit
import UPRDomain

/// Plan entries: drafting, answering, publishing, each versioned and audited with the fields before and after.
public struct PlanStore: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    static let select = """
        SELECT p.id, p.recommendation_id, p.working_group_id, g.name AS group_name, p.goal, p.expected_action,
               p.indicators, p.lead_organisation_id, lo.name AS lead_name, p.other_mechanisms_national,
               p.other_mechanisms_international, p.start_date, p.due_date, p.priority, p.cso_activities, p.status,
               p.government_answer, p.government_comment, u.name AS answered_by_name, p.answered_at, p.version,
               p.created_at, p.updated_at
        FROM plan_entries p JOIN working_groups g ON g.id = p.working_group_id
        LEFT JOIN organisations lo ON lo.id = p.lead_organisation_id
        LEFT JOIN users u ON u.id = p.answered_by
        """

    public func entry(id: Int) async throws -> PlanEntry? {
        guard let row = try await sql.raw("\(unsafeRaw: Self.select) WHERE p.id = \(bind: id)").first() else {
            return nil
        }
        return try await complete([Self.entry(row)]).first
    }

    public func entry(recommendationID: Int) async throws -> PlanEntry? {
        guard
            let row = try await sql.raw(
                "\(unsafeRaw: Self.select) WHERE p.recommendation_id = \(bind: recommendationID)"
            )
            .first()
        else { return nil }
        return try await complete([Self.entry(row)]).first
    }

    /// A page of plan entries, oldest first, with the number of entries that pass the filter: for the API. The
    /// public (`includeDrafts` false) sees published entries only, as on the plan pages.
    public func entries(
        state: String?, workingGroupID: Int?, leadOrganisationID: Int?, status: PlanStatus?, includeDrafts: Bool,
        page: Int, per: Int
    ) async throws -> (entries: [PlanEntry], total: Int) {
        var conditions: [SQLQueryString] = []
        if let state {
            conditions.append(
                "p.recommendation_id IN (SELECT r.id FROM recommendations r JOIN states s ON s.id = r.state_id "
                    + "WHERE s.name = \(bind: state))")
        }
        if let workingGroupID { conditions.append("p.working_group_id = \(bind: workingGroupID)") }
        if let leadOrganisationID { conditions.append("p.lead_organisation_id = \(bind: leadOrganisationID)") }
        if !includeDrafts { conditions.append("p.status = 'published'") }
        if let status { conditions.append("p.status = \(bind: status.rawValue)") }
        let condition: SQLQueryString = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let total =
            try await sql.raw("SELECT COUNT(*) AS n FROM plan_entries p" + condition).first()?
            .decode(column: "n", as: Int.self) ?? 0
        let rows = try await sql.raw(
            "\(unsafeRaw: Self.select)" + condition
                + " ORDER BY p.id LIMIT \(bind: per) OFFSET \(bind: (max(1, page) - 1) * per)"
        ).all()
        return (try await complete(try rows.map(Self.entry)), total)
    }

    static func entry(_ row: any SQLRow) throws -> PlanEntry {
        var fields = PlanEntryFields()
        fields.goal = try row.decode(column: "goal", as: String.self)
        fields.expectedAction = try row.decode(column: "expected_action", as: String.self)
        fields.indicators = try row.decode(column: "indicators", as: String.self)
        fields.leadOrganisationID = try row.decode(column: "lead_organisation_id", as: Int?.self)
        fields.otherMechanismsNational = try row.decode(column: "other_mechanisms_national", as: String.self)
        fields.otherMechanismsInternational = try row.decode(column: "other_mechanisms_international", as: String.self)
        fields.startDate = try row.decode(column: "start_date", as: String?.self)
        fields.dueDate = try row.decode(column: "due_date", as: String?.self)
        fields.priority = (try row.decode(column: "priority", as: String?.self)).flatMap(Priority.init(rawValue:))
        fields.csoActivities = try row.decode(column: "cso_activities", as: String.self)
        return PlanEntry(
            id: try row.decode(column: "id", as: Int.self),
            recommendationID: try row.decode(column: "recommendation_id", as: Int.self),
            workingGroupID: try row.decode(column: "working_group_id", as: Int.self),
            workingGroupName: try row.decode(column: "group_name", as: String.self), fields: fields,
            leadOrganisationName: try row.decode(column: "lead_name", as: String?.self), supporterNames: [],
            status: PlanStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
            governmentAnswer: (try row.decode(column: "government_answer", as: String?.self))
                .flatMap(GovernmentAnswer.init(rawValue:)),
            governmentComment: try row.decode(column: "government_comment", as: String.self),
            answeredByName: try row.decode(column: "answered_by_name", as: String?.self),
            answeredAt: try row.decode(column: "answered_at", as: String?.self),
            version: try row.decode(column: "version", as: Int.self),
            createdAt: try row.decode(column: "created_at", as: String.self),
            updatedAt: try row.decode(column: "updated_at", as: String.self))
    }

    /// Adds supporters and linked recommendations with one query each for all entries.
    func complete(_ entries: [PlanEntry]) async throws -> [PlanEntry] {
        guard !entries.isEmpty else { return entries }
        var out = entries
        var index: [Int: Int] = [:]
        for (position, entry) in entries.enumerated() { index[entry.id] = position }
        for chunk in entries.map(\.id).chunked(into: 500) {
            let supporters = try await sql.raw(
                """
                SELECT s.plan_entry_id, s.organisation_id, o.name FROM plan_entry_supporters s
                JOIN organisations o ON o.id = s.organisation_id WHERE s.plan_entry_id IN (\(binds: Array(chunk)))
                ORDER BY o.name
                """
            ).all()
            for row in supporters {
                guard let position = index[try row.decode(column: "plan_entry_id", as: Int.self)] else { continue }
                out[position].fields.supporterIDs.append(try row.decode(column: "organisation_id", as: Int.self))
                out[position].supporterNames.append(try row.decode(column: "name", as: String.self))
            }
            let links = try await sql.raw(
                """
                SELECT plan_entry_id, recommendation_id FROM plan_entry_links
                WHERE plan_entry_id IN (\(binds: Array(chunk))) ORDER BY recommendation_id
                """
            ).all()
            for row in links {
                guard let position = index[try row.decode(column: "plan_entry_id", as: Int.self)] else { continue }
                out[position].fields.linkedRecommendationIDs.append(
                    try row.decode(column: "recommendation_id", as: Int.self))
            }
            for (entryID, decision, match) in try await Self.mechanismDecisions(of: Array(chunk), on: sql) {
                guard let position = index[entryID] else { continue }
                switch decision {
                case .accepted: out[position].mechanismLinks.append(match)
                case .dismissed: out[position].dismissedMechanismIDs.append(match.recommendationID)
                }
            }
        }
        return out
    }

    /// The working groups' decisions about other mechanisms' recommendations for some entries (`accepted` only,
    /// or every one), by document symbol and then by recommendation: the order the pages and exports list them.
    static func mechanismDecisions(of entryIDs: [Int], acceptedOnly: Bool = false, on sql: any SQLDatabase)
        async throws -> [(entryID: Int, decision: MechanismDecision, match: MechanismMatch)]
    {
        let accepted: SQLQueryString = acceptedOnly ? " AND m.decision = 'accepted'" : ""
        return try await sql.raw(
            """
            SELECT m.plan_entry_id, m.decision, \(unsafeRaw: MechanismMatch.columns) FROM plan_entry_mechanisms m
            JOIN recommendations r ON r.id = m.recommendation_id JOIN reviews v ON v.id = r.review_id
            WHERE m.plan_entry_id IN (\(binds: entryIDs))
            """ + accepted + " ORDER BY COALESCE(v.report_symbol, ''), r.id"
        ).all().map { row in
            (
                try row.decode(column: "plan_entry_id", as: Int.self),
                try row.decodeCode(MechanismDecision.self, column: "decision"), try MechanismMatch(row: row)
            )
        }
    }

    private func check(_ fields: PlanEntryFields) async throws {
        if let problem = fields.problems().first {
            throw StoreError.invalid(field: problem.field, messageKey: problem.messageKey)
        }
        let links = Set(fields.linkedRecommendationIDs)
        if !links.isEmpty {
            let found = try await sql.raw(
                "SELECT COUNT(*) AS n FROM recommendations WHERE id IN (\(binds: links.sorted()))"
            ).first()?.decode(column: "n", as: Int.self)
            guard found == links.count else {
                throw StoreError.invalid(field: "linkedRecommendations", messageKey: "plan.error.links")
            }
        }
        if let lead = fields.leadOrganisationID {
            let kind = try await sql.raw("SELECT kind FROM organisations WHERE id = \(bind: lead)").first()?
                .decode(column: "kind", as: String.self)
            guard let kind, OrganisationKind(rawValue: kind)?.isGovernment == true else {
                throw StoreError.invalid(field: "leadOrganisationID", messageKey: "plan.error.leadNotGovernment")
            }
        }
    }

    /// Creates the entry of a recommendation (one per recommendation).
    public func create(recommendationID: Int, workingGroupID: Int, fields: PlanEntryFields, userID: Int?, actor: String)
        async throws -> Int
    {
        try await check(fields)
        if try await entry(recommendationID: recommendationID) != nil {
            throw StoreError.invalid(field: "recommendationID", messageKey: "plan.error.exists")
        }
        // A concern or observation asks nothing of the state; the page offers no draft for it, and a hand-made
        // request is refused here.
        let kind = try await sql.raw("SELECT kind FROM recommendations WHERE id = \(bind: recommendationID)").first()?
            .decode(column: "kind", as: String.self)
        if kind == RecordKind.concernObservation.rawValue {
            throw StoreError.invalid(field: "recommendationID", messageKey: "plan.error.concern")
        }
        let now = Timestamp.string(Date())
        let row = try await sql.insert(into: "plan_entries")
            .columns(
                "recommendation_id", "working_group_id", "goal", "expected_action", "indicators",
                "lead_organisation_id",
                "other_mechanisms_national", "other_mechanisms_international", "start_date", "due_date", "priority",
                "cso_activities", "status", "created_by", "created_at", "updated_at"
            )
            .values(
                recommendationID, workingGroupID, fields.goal, fields.expectedAction, fields.indicators,
                fields.leadOrganisationID, fields.otherMechanismsNational, fields.otherMechanismsInternational,
                fields.startDate, fields.dueDate, fields.priority?.rawValue, fields.csoActivities,
                PlanStatus.draft.rawValue,
                userID, now, now
            )
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int.self) else { throw StoreError.missingRow("plan entry") }
        try await replaceLists(id, fields)
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: "create", entity: .planEntry, entityID: id, summary: "Plan entry drafted",
            before: [:], after: fields.asText.merging(["workingGroup": String(workingGroupID)]) { a, _ in a })
        try await tellFollowers(entry: id, textKey: "notification.planDrafted", excluding: userID)
        return id
    }

    /// Saves the working group's fields if nobody saved the entry since `version`.
    public func update(_ id: Int, version: Int, fields: PlanEntryFields, actor: String, actorUserID: Int? = nil)
        async throws
    {
        try await check(fields)
        guard let before = try await entry(id: id) else { throw StoreError.missingRow("plan entry \(id)") }
        _ = try await VersionedUpdate.run(
            table: "plan_entries", id: id, expected: version,
            values: [
                ("goal", fields.goal), ("expected_action", fields.expectedAction), ("indicators", fields.indicators),
                ("lead_organisation_id", fields.leadOrganisationID),
                ("other_mechanisms_national", fields.otherMechanismsNational),
                ("other_mechanisms_international", fields.otherMechanismsInternational),
                ("start_date", fields.startDate), ("due_date", fields.dueDate), ("priority", fields.priority?.rawValue),
                ("cso_activities", fields.csoActivities),
            ], on: sql)
        try await replaceLists(id, fields)
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: "update", entity: .planEntry, entityID: id, summary: "Plan entry edited",
            before: before.fields.asText, after: fields.asText)
        try await tellFollowers(entry: id, textKey: "notification.planEdited", excluding: actorUserID)
    }

    /// Records the responsible ministry's answer.
    public func answer(
        _ id: Int, version: Int, answer: GovernmentAnswer, comment: String, userID: Int, actor: String
    ) async throws {
        guard comment.count <= 5_000 else {
            throw StoreError.invalid(field: "comment", messageKey: "form.error.tooLong")
        }
        guard let before = try await entry(id: id) else { throw StoreError.missingRow("plan entry \(id)") }
        _ = try await VersionedUpdate.run(
            table: "plan_entries", id: id, expected: version,
            values: [
                ("government_answer", answer.rawValue), ("government_comment", comment), ("answered_by", userID),
                ("answered_at", Timestamp.string(Date())),
            ], on: sql)
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: "answer", entity: .planEntry, entityID: id,
            summary: "Government answer: \(answer.rawValue)",
            before: [
                "governmentAnswer": before.governmentAnswer?.rawValue, "governmentComment": before.governmentComment,
            ],
            after: ["governmentAnswer": answer.rawValue, "governmentComment": comment])
        try await tellFollowers(entry: id, textKey: "notification.planAnswered", excluding: userID)
    }

    /// Publishes an entry or takes it back to draft.
    public func setStatus(_ id: Int, version: Int, status: PlanStatus, actor: String, actorUserID: Int? = nil)
        async throws
    {
        guard let before = try await entry(id: id) else { throw StoreError.missingRow("plan entry \(id)") }
        _ = try await VersionedUpdate.run(
            table: "plan_entries", id: id, expected: version, values: [("status", status.rawValue)], on: sql)
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: status == .published ? "publish" : "unpublish", entity: .planEntry,
            entityID: id, summary: status == .published ? "Published" : "Back to draft",
            before: ["status": before.status.rawValue], after: ["status": status.rawValue])
        try await tellFollowers(
            entry: id, textKey: status == .published ? "notification.planPublished" : "notification.planUnpublished",
            excluding: actorUserID)
    }

    /// Tells the followers of the entry's recommendation (and of those it is linked with) that the entry changed.
    func tellFollowers(entry id: Int, textKey: String, excluding userID: Int?) async throws {
        let recommendations = try await sql.raw(
            """
            SELECT recommendation_id FROM plan_entries WHERE id = \(bind: id)
            UNION SELECT recommendation_id FROM plan_entry_links WHERE plan_entry_id = \(bind: id)
            """
        ).all().map { try $0.decode(column: "recommendation_id", as: Int.self) }
        guard let main = try await entry(id: id)?.recommendationID else { return }
        let subscriptions = SubscriptionStore(sql)
        try await subscriptions.fanOut(
            recommendationIDs: recommendations, kind: .planChanged, textKey: textKey,
            arguments: ["recommendation": try await subscriptions.label(recommendationID: main)],
            excludingUserID: userID, subjectKind: .planEntry, subjectID: id)
    }

    private func replaceLists(_ id: Int, _ fields: PlanEntryFields) async throws {
        try await sql.delete(from: "plan_entry_supporters").where("plan_entry_id", .equal, id).run()
        for organisation in Set(fields.supporterIDs).sorted() {
            try await sql.insert(into: "plan_entry_supporters").columns("plan_entry_id", "organisation_id")
                .values(id, organisation).run()
        }
        try await sql.delete(from: "plan_entry_links").where("plan_entry_id", .equal, id).run()
        for recommendation in Set(fields.linkedRecommendationIDs).sorted() {
            try await sql.insert(into: "plan_entry_links").columns("plan_entry_id", "recommendation_id")
                .values(id, recommendation).run()
        }
    }
}
