import Foundation
import SQLKit
import UPRDomain

/// Assessment rounds and the assessments recorded in them; every change versioned and audited.
public struct AssessmentStore: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    static let roundSelect = """
        SELECT ar.id, ar.state_id, s.name AS state_name, ar.cycle, ar.title, ar.held_on, ar.status, ar.meeting_id,
               ar.closed_at, ar.version,
               (SELECT COUNT(*) FROM assessments a WHERE a.round_id = ar.id) AS assessment_count
        FROM assessment_rounds ar JOIN states s ON s.id = ar.state_id
        """

    static func round(_ row: any SQLRow) throws -> AssessmentRound {
        AssessmentRound(
            id: try row.decode(column: "id", as: Int.self), stateID: try row.decode(column: "state_id", as: Int.self),
            stateName: try row.decode(column: "state_name", as: String.self),
            cycle: try row.decode(column: "cycle", as: Int?.self),
            title: try row.decode(column: "title", as: String.self),
            heldOn: try row.decode(column: "held_on", as: String.self),
            status: AssessmentRound.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .open,
            meetingID: try row.decode(column: "meeting_id", as: Int?.self),
            closedAt: try row.decode(column: "closed_at", as: String?.self),
            version: try row.decode(column: "version", as: Int.self),
            assessmentCount: try row.decode(column: "assessment_count", as: Int.self))
    }

    /// Every round, newest first; only closed ones for readers who may not see work in progress.
    public func rounds(closedOnly: Bool = false) async throws -> [AssessmentRound] {
        let filter = closedOnly ? "WHERE ar.status = 'closed'" : ""
        return try await sql.raw(
            "\(unsafeRaw: Self.roundSelect) \(unsafeRaw: filter) ORDER BY ar.held_on DESC, ar.id DESC"
        )
        .all().map(Self.round)
    }

    public func round(_ id: Int) async throws -> AssessmentRound? {
        try await sql.raw("\(unsafeRaw: Self.roundSelect) WHERE ar.id = \(bind: id)").first().map(Self.round)
    }

    /// Opens a round for the recommendations to `stateName` (of `cycle`, or of every cycle when nil).
    public func createRound(
        stateName: String, cycle: Int?, title: String, heldOn: String, meetingID: Int? = nil, actor: String
    ) async throws -> Int {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw StoreError.invalid(field: "title", messageKey: "form.error.required") }
        guard title.count <= 200 else { throw StoreError.invalid(field: "title", messageKey: "form.error.tooLong") }
        guard PlanEntryFields.isDay(heldOn) else {
            throw StoreError.invalid(field: "heldOn", messageKey: "form.error.date")
        }
        guard
            let stateID = try await StateDirectory.id(named: stateName, on: sql)
        else { throw StoreError.invalid(field: "state", messageKey: "assessment.error.state") }
        if let cycle {
            let found = try await sql.raw(
                "SELECT COUNT(*) AS n FROM recommendations WHERE state_id = \(bind: stateID) AND cycle = \(bind: cycle)"
            ).first()?.decode(column: "n", as: Int.self)
            guard (found ?? 0) > 0 else {
                throw StoreError.invalid(field: "cycle", messageKey: "assessment.error.cycle")
            }
        }
        if let meetingID { try await checkOpeningMeeting(meetingID) }
        let now = Timestamp.string(Date())
        guard
            let id = try await sql.insert(into: "assessment_rounds")
                .columns("state_id", "cycle", "title", "held_on", "status", "meeting_id", "created_at", "updated_at")
                .values(stateID, cycle, title, heldOn, AssessmentRound.Status.open.rawValue, meetingID, now, now)
                .returning("id").first()?.decode(column: "id", as: Int.self)
        else { throw StoreError.missingRow("assessment round") }
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: "create", entity: .assessmentRound, entityID: id,
            summary: "Assessment round opened",
            before: [:],
            after: [
                "title": title, "state": stateName, "cycle": cycle.map(String.init), "heldOn": heldOn,
                "meeting": meetingID.map(String.init),
            ])
        return id
    }

    /// The round an annual assessment meeting opened, if it opened one.
    public func round(openedBy meetingID: Int) async throws -> AssessmentRound? {
        try await sql.raw("\(unsafeRaw: Self.roundSelect) WHERE ar.meeting_id = \(bind: meetingID)").first().map(
            Self.round)
    }

    /// Only an annual assessment meeting opens a round, and only one: the letter of intent's yearly assessment is
    /// one round per meeting.
    private func checkOpeningMeeting(_ meetingID: Int) async throws {
        let kind = try await sql.raw("SELECT kind FROM meetings WHERE id = \(bind: meetingID)").first()?.decode(
            column: "kind", as: String.self)
        guard kind == MeetingKind.annualAssessment.rawValue else {
            throw StoreError.invalid(field: "meeting", messageKey: "round.error.meetingKind")
        }
        if try await round(openedBy: meetingID) != nil {
            throw StoreError.invalid(field: "meeting", messageKey: "round.error.meetingHasRound")
        }
    }

    /// Closes a round: from now on it is a snapshot and refuses every change.
    public func closeRound(_ id: Int, version: Int, actor: String) async throws {
        guard let round = try await round(id) else { throw StoreError.missingRow("assessment round \(id)") }
        guard round.status == .open else {
            throw StoreError.invalid(field: "round", messageKey: "assessment.error.closed")
        }
        _ = try await VersionedUpdate.run(
            table: "assessment_rounds", id: id, expected: version,
            values: [("status", AssessmentRound.Status.closed.rawValue), ("closed_at", Timestamp.string(Date()))],
            on: sql)
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: "close", entity: .assessmentRound, entityID: id,
            summary: "Assessment round closed", before: ["status": "open"], after: ["status": "closed"])
    }

    static let assessmentSelect = """
        SELECT a.id, a.round_id, a.recommendation_id, a.organisation_id, o.name AS organisation_name,
               o.kind AS organisation_kind, a.status, a.justification, a.evidence_url, u.name AS recorded_by_name,
               a.version, a.updated_at
        FROM assessments a JOIN organisations o ON o.id = a.organisation_id LEFT JOIN users u ON u.id = a.recorded_by
        """

    static func assessment(_ row: any SQLRow) throws -> Assessment {
        let kind = OrganisationKind(rawValue: try row.decode(column: "organisation_kind", as: String.self)) ?? .cso
        return Assessment(
            id: try row.decode(column: "id", as: Int.self), roundID: try row.decode(column: "round_id", as: Int.self),
            recommendationID: try row.decode(column: "recommendation_id", as: Int.self),
            organisationID: try row.decode(column: "organisation_id", as: Int.self),
            organisationName: try row.decode(column: "organisation_name", as: String.self),
            perspective: Perspective(kind),
            status: ImplementationStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .noData,
            justification: try row.decode(column: "justification", as: String.self),
            evidenceURL: try row.decode(column: "evidence_url", as: String?.self),
            recordedByName: try row.decode(column: "recorded_by_name", as: String?.self),
            version: try row.decode(column: "version", as: Int.self),
            updatedAt: try row.decode(column: "updated_at", as: String.self))
    }

    /// The assessments of one recommendation in one round, government first, then NHRI, civil society, partners.
    public func assessments(round: Int, recommendation: Int) async throws -> [Assessment] {
        let rows = try await sql.raw(
            """
            \(unsafeRaw: Self.assessmentSelect)
            WHERE a.round_id = \(bind: round) AND a.recommendation_id = \(bind: recommendation) ORDER BY o.name
            """
        ).all().map(Self.assessment)
        let order = Dictionary(uniqueKeysWithValues: Perspective.allCases.enumerated().map { ($1, $0) })
        return rows.sorted { (order[$0.perspective] ?? 0) < (order[$1.perspective] ?? 0) }
    }

    /// Every assessment of a round, by recommendation, then government first, NHRI, civil society, partners: the
    /// API's round, every stakeholder side by side.
    public func assessments(round: Int) async throws -> [Assessment] {
        let order = Dictionary(uniqueKeysWithValues: Perspective.allCases.enumerated().map { ($1, $0) })
        return try await sql.raw(
            "\(unsafeRaw: Self.assessmentSelect) WHERE a.round_id = \(bind: round) ORDER BY a.recommendation_id, o.name"
        ).all().map(Self.assessment).sorted {
            ($0.recommendationID, order[$0.perspective] ?? 0, $0.organisationName, $0.id)
                < ($1.recommendationID, order[$1.perspective] ?? 0, $1.organisationName, $1.id)
        }
    }

    /// One assessment, for the API's address of it.
    public func assessment(id: Int) async throws -> Assessment? {
        try await sql.raw("\(unsafeRaw: Self.assessmentSelect) WHERE a.id = \(bind: id)").first().map(Self.assessment)
    }

    /// Every assessment of a recommendation in every round, newest round first: the recommendation's record.
    public func assessments(recommendation: Int, closedOnly: Bool) async throws -> [Assessment] {
        let filter = closedOnly ? "AND ar.status = 'closed'" : ""
        return try await sql.raw(
            """
            \(unsafeRaw: Self.assessmentSelect) JOIN assessment_rounds ar ON ar.id = a.round_id
            WHERE a.recommendation_id = \(bind: recommendation) \(unsafeRaw: filter)
            ORDER BY ar.held_on DESC, ar.id DESC, o.name
            """
        ).all().map(Self.assessment)
    }

    /// Records or replaces `organisationID`'s assessment of a recommendation in an open round. `version` is the
    /// version the person read (0 when they saw no assessment yet): a save over someone else's newer one is refused.
    @discardableResult
    public func save(
        round roundID: Int, recommendation: Int, organisationID: Int, input: AssessmentInput, version: Int,
        userID: Int?, actor: String
    ) async throws -> Int {
        let id = try await write(
            round: roundID, recommendation: recommendation, organisationID: organisationID, input: input,
            version: version, userID: userID, actor: actor)
        let subscriptions = SubscriptionStore(sql)
        let organisation = try await sql.raw("SELECT name FROM organisations WHERE id = \(bind: organisationID)")
            .first()?.decode(column: "name", as: String.self)
        try await subscriptions.fanOut(
            recommendationIDs: [recommendation], kind: .assessmentRecorded, textKey: "notification.assessmentRecorded",
            arguments: [
                "recommendation": try await subscriptions.label(recommendationID: recommendation),
                "organisation": organisation ?? "",
            ], excludingUserID: userID, webhookSubject: (.assessment, id))
        return id
    }

    private func write(
        round roundID: Int, recommendation: Int, organisationID: Int, input: AssessmentInput, version: Int,
        userID: Int?, actor: String
    ) async throws -> Int {
        if let problem = input.problems().first {
            throw StoreError.invalid(field: problem.field, messageKey: problem.messageKey)
        }
        guard let status = input.status else {
            throw StoreError.invalid(field: "status", messageKey: "form.error.choice")
        }
        guard let round = try await round(roundID) else { throw StoreError.missingRow("assessment round \(roundID)") }
        guard round.status == .open else {
            throw StoreError.invalid(field: "round", messageKey: "assessment.error.closed")
        }
        guard try await inScope(round, recommendation) else {
            throw StoreError.invalid(field: "recommendation", messageKey: "assessment.error.scope")
        }
        guard
            let kind = try await sql.raw("SELECT kind FROM organisations WHERE id = \(bind: organisationID)").first()?
                .decode(column: "kind", as: String.self), OrganisationKind(rawValue: kind) != nil
        else { throw StoreError.invalid(field: "organisationID", messageKey: "assessment.error.organisation") }
        let evidence: String? = input.evidenceURL.isEmpty ? nil : input.evidenceURL
        let after: [String: String?] = [
            "status": status.rawValue, "justification": input.justification, "evidenceURL": evidence,
        ]
        let existing = try await sql.raw(
            """
            \(unsafeRaw: Self.assessmentSelect) WHERE a.round_id = \(bind: roundID)
            AND a.recommendation_id = \(bind: recommendation) AND a.organisation_id = \(bind: organisationID)
            """
        ).first().map(Self.assessment)
        if let existing {
            _ = try await VersionedUpdate.run(
                table: "assessments", id: existing.id, expected: version,
                values: [
                    ("status", status.rawValue), ("justification", input.justification), ("evidence_url", evidence),
                    ("recorded_by", userID),
                ], on: sql)
            try await AuditLog.recordChange(
                on: sql, actor: actor, action: "update", entity: .assessment, entityID: existing.id,
                summary: "Assessment by \(existing.organisationName) changed",
                before: [
                    "status": existing.status.rawValue, "justification": existing.justification,
                    "evidenceURL": existing.evidenceURL,
                ], after: after)
            return existing.id
        }
        // Someone else recorded this organisation's first assessment while this person had the empty form open.
        guard version == 0 else {
            throw StoreError.staleVersion(entity: "assessments", id: 0, expected: version)
        }
        let now = Timestamp.string(Date())
        guard
            let id = try await sql.insert(into: "assessments")
                .columns(
                    "round_id", "recommendation_id", "organisation_id", "status", "justification", "evidence_url",
                    "recorded_by", "created_at", "updated_at"
                )
                .values(
                    roundID, recommendation, organisationID, status.rawValue, input.justification, evidence, userID,
                    now, now
                )
                .returning("id").first()?.decode(column: "id", as: Int.self)
        else { throw StoreError.missingRow("assessment") }
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: "create", entity: .assessment, entityID: id,
            summary: "Assessment recorded (round \(roundID), recommendation \(recommendation))", before: [:],
            after: after.merging(["organisation": String(organisationID)]) { a, _ in a })
        return id
    }

    /// Whether a recommendation belongs to the round's state (and cycle), and is one a round assesses.
    public func inScope(_ round: AssessmentRound, _ recommendation: Int) async throws -> Bool {
        guard
            let row = try await sql.raw(
                "SELECT state_id, cycle FROM recommendations r WHERE r.id = \(bind: recommendation) AND "
                    + AssessedKinds.condition
            ).first()
        else { return false }
        let state = try row.decode(column: "state_id", as: Int.self)
        let cycle = try row.decode(column: "cycle", as: Int?.self)
        return state == round.stateID && (round.cycle == nil || cycle == round.cycle)
    }
}
