import Foundation
import SQLKit
import UPRDomain

/// Measurements of indicators: entered by the responsible organisation or a data partner, reviewed by the
/// administrator, each change audited. The evidence file sits in its own table so lists never read it.
public struct MeasurementStore: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    static let select = """
        SELECT m.id, m.indicator_id, m.value, m.measured_on, m.source, m.breakdown, m.evidence_link, m.status,
               m.review_comment, r.name AS reviewed_by_name, e.name AS entered_by_name, m.version, m.created_at,
               f.file_name
        FROM measurements m LEFT JOIN users r ON r.id = m.reviewed_by LEFT JOIN users e ON e.id = m.entered_by
        LEFT JOIN measurement_evidence f ON f.measurement_id = m.id
        """

    /// An indicator's measurements by date (the oldest first); only accepted ones when `acceptedOnly`.
    public func measurements(indicatorID: Int, acceptedOnly: Bool) async throws -> [MeasurementRecord] {
        let status: SQLQueryString = acceptedOnly ? " AND m.status = 'accepted'" : ""
        return try await sql.raw(
            "\(unsafeRaw: Self.select) WHERE m.indicator_id = \(bind: indicatorID)" + status
                + " ORDER BY m.measured_on, m.id"
        ).all().map(Self.measurement)
    }

    public func measurement(id: Int) async throws -> MeasurementRecord? {
        try await sql.raw("\(unsafeRaw: Self.select) WHERE m.id = \(bind: id)").first().map(Self.measurement)
    }

    static func measurement(_ row: any SQLRow) throws -> MeasurementRecord {
        let breakdown = try row.decode(column: "breakdown", as: String.self)
        return MeasurementRecord(
            id: try row.decode(column: "id", as: Int.self),
            indicatorID: try row.decode(column: "indicator_id", as: Int.self),
            value: try row.decode(column: "value", as: Double.self),
            date: try row.decode(column: "measured_on", as: String.self),
            source: try row.decode(column: "source", as: String.self),
            breakdown: (try? JSONDecoder().decode([String: [String: Double]].self, from: Data(breakdown.utf8))) ?? [:],
            link: try row.decode(column: "evidence_link", as: String?.self),
            evidenceName: try row.decode(column: "file_name", as: String?.self),
            status: MeasurementStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .pending,
            reviewComment: try row.decode(column: "review_comment", as: String.self),
            reviewedByName: try row.decode(column: "reviewed_by_name", as: String?.self),
            enteredByName: try row.decode(column: "entered_by_name", as: String?.self),
            version: try row.decode(column: "version", as: Int.self),
            createdAt: try row.decode(column: "created_at", as: String.self))
    }

    /// Stores a checked measurement as pending, with its evidence; the caller runs this in a transaction so a
    /// failure leaves nothing behind.
    public func add(
        indicatorID: Int, _ valid: MeasurementInput.Valid, evidence: EvidenceFile?, userID: Int?, actor: String
    ) async throws -> Int {
        let now = Timestamp.string(Date())
        var breakdown: [String: [String: Double]] = [:]
        for (dimension, categories) in valid.breakdown { breakdown[dimension.rawValue] = categories }
        let json = try String(decoding: JSONEncoder.sortedKeys.encode(breakdown), as: UTF8.self)
        let row = try await sql.insert(into: "measurements")
            .columns(
                "indicator_id", "value", "measured_on", "source", "breakdown", "evidence_link", "status", "entered_by",
                "created_at", "updated_at"
            )
            .values(
                indicatorID, valid.value, valid.day.description, valid.source, json, valid.link,
                MeasurementStatus.pending.rawValue, userID, now, now
            )
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int.self) else { throw StoreError.missingRow("measurement") }
        if let evidence {
            try await sql.insert(into: "measurement_evidence")
                .columns("measurement_id", "file_name", "content_type", "size", "content")
                .values(
                    id, evidence.fileName, evidence.type.contentType, evidence.content.count, Data(evidence.content)
                )
                .run()
        }
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: "create", entity: .measurement, entityID: id,
            summary: "MeasurementRecord entered for indicator \(indicatorID)", before: [:],
            after: [
                "indicator": String(indicatorID), "value": IndicatorFields.number(valid.value),
                "date": valid.day.description, "source": valid.source, "breakdown": json, "link": valid.link,
                "evidence": evidence.map { "\($0.fileName) (\($0.content.count) bytes)" }, "status": "pending",
            ])
        return id
    }

    /// Accepts or rejects a measurement; a rejection needs a comment saying why.
    public func review(
        _ id: Int, version: Int, decision: MeasurementStatus, comment: String, userID: Int, actor: String
    ) async throws {
        guard decision != .pending else { throw StoreError.invalid(field: "decision", messageKey: "form.error.choice") }
        if decision == .rejected && comment.isEmpty {
            throw StoreError.invalid(field: "comment", messageKey: "measurement.error.rejectComment")
        }
        guard comment.count <= 2_000 else {
            throw StoreError.invalid(field: "comment", messageKey: "form.error.tooLong")
        }
        guard let before = try await measurement(id: id) else { throw StoreError.missingRow("measurement \(id)") }
        _ = try await VersionedUpdate.run(
            table: "measurements", id: id, expected: version,
            values: [
                ("status", decision.rawValue), ("review_comment", comment), ("reviewed_by", userID),
                ("reviewed_at", Timestamp.string(Date())),
            ], on: sql)
        try await IndicatorStore(sql).refreshSMART(before.indicatorID)
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: decision == .accepted ? "accept" : "reject", entity: .measurement,
            entityID: id, summary: decision == .accepted ? "MeasurementRecord accepted" : "MeasurementRecord rejected",
            before: ["status": before.status.rawValue, "reviewComment": before.reviewComment],
            after: ["status": decision.rawValue, "reviewComment": comment])
        guard decision == .accepted else { return }
        let recommendations = try await sql.raw(
            """
            SELECT recommendation_id FROM indicator_recommendations WHERE indicator_id = \(bind: before.indicatorID)
            UNION SELECT p.recommendation_id FROM indicator_plan_entries ip JOIN plan_entries p ON p.id = ip.plan_entry_id
            WHERE ip.indicator_id = \(bind: before.indicatorID)
            """
        ).all().map { try $0.decode(column: "recommendation_id", as: Int.self) }
        let title = try await sql.raw("SELECT title FROM indicators WHERE id = \(bind: before.indicatorID)").first()?
            .decode(column: "title", as: String.self)
        try await SubscriptionStore(sql).fanOut(
            recommendationIDs: recommendations, kind: .measurementAccepted, textKey: "notification.measurementAccepted",
            arguments: ["indicator": title ?? "", "date": before.date], excludingUserID: userID,
            subjectKind: .indicator, subjectID: before.indicatorID, webhookSubject: (.measurement, id))
    }

    /// The evidence file of a measurement: name, content type and bytes.
    public func evidence(measurementID: Int) async throws -> (fileName: String, contentType: String, content: Data)? {
        guard
            let row = try await sql.raw(
                "SELECT file_name, content_type, content FROM measurement_evidence WHERE measurement_id = \(bind: measurementID)"
            ).first()
        else { return nil }
        return (
            try row.decode(column: "file_name", as: String.self),
            try row.decode(column: "content_type", as: String.self), try row.decode(column: "content", as: Data.self)
        )
    }
}
