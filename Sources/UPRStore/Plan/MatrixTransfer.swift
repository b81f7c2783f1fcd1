import Foundation
import SQLKit
import UPRDomain
import UPRSpreadsheet

/// Moving the plan in and out as the annex 8.1 matrix: export a view, and import a filled matrix in two steps,
/// a preview of every change and then applying all of it or nothing.
public enum MatrixTransfer {
    /// The rows of a matrix view as the annex 8.1 document.
    public static func document(_ matrix: PlanMatrix, title: String, response: (Response) -> String) -> MatrixDocument {
        MatrixDocument(
            title: title,
            rows: matrix.rows.map { row in
                let r = row.recommendation
                let f = row.entry?.fields
                return MatrixRow(
                    recNumber: r.paragraph ?? "#\(r.id)",
                    recommendingStates: r.recommendingStates.joined(separator: ", "),
                    recommendation: r.text, response: response(r.response),
                    otherMechanismsNational: f?.otherMechanismsNational ?? "",
                    otherMechanismsInternational: row.entry?.internationalColumn ?? "", goal: f?.goal ?? "",
                    expectedAction: f?.expectedAction ?? "", indicators: f?.indicators ?? "",
                    responsibleBody: row.entry?.leadOrganisationName ?? "")
            })
    }

    /// One row that will change the plan.
    public struct Change: Sendable, Equatable {
        public struct Field: Sendable, Equatable {
            public var name: String
            public var before: String
            public var after: String
        }
        public var row: Int
        public var reference: String
        public var recommendationID: Int
        public var entryID: Int?
        public var version: Int?
        public var workingGroupID: Int
        public var fields: PlanEntryFields
        public var changedFields: [Field]
    }

    /// A row that cannot be imported, with the reason as a localization key.
    public struct RowError: Sendable, Equatable {
        public var row: Int
        public var reference: String
        public var messageKey: String
        public var arguments: [String: String]
    }

    /// What an import would do.
    public struct Plan: Sendable, Equatable {
        public var changes: [Change]
        public var errors: [RowError]
        public var unchanged: Int
    }

    /// Works out what a filled matrix would change for the recommendations to `state`. `actor` nil means a trusted
    /// caller (the command line, run by whoever administers the server).
    public static func plan(_ document: MatrixDocument, state: String, actor: Principal?, on sql: any SQLDatabase)
        async throws -> Plan
    {
        var result = Plan(changes: [], errors: [], unchanged: 0)
        guard let stateID = try await StateDirectory.id(named: state, on: sql) else {
            result.errors.append(
                RowError(row: 0, reference: "", messageKey: "matrix.error.state", arguments: ["state": state]))
            return result
        }
        let organisations = try await organisationIDs(on: sql)
        let groups = try await OrganisationStore(sql).workingGroups()
        let store = PlanStore(sql)
        // The header takes one or two rows (and the title one more); data rows are numbered as a spreadsheet shows them.
        let firstRow = (document.title == nil ? 0 : 1) + 2
        for (index, row) in document.rows.enumerated() {
            let number = firstRow + index
            let reference = row.recNumber.trimmingCharacters(in: .whitespaces)
            func fail(_ key: String, _ arguments: [String: String] = [:]) {
                result.errors.append(
                    RowError(
                        row: number, reference: reference, messageKey: key,
                        arguments: arguments.merging(["ref": reference]) { a, _ in a }))
            }
            let matches: [Int]
            if reference.hasPrefix("#"), let id = Int(reference.dropFirst()) {
                matches = try await sql.raw(
                    "SELECT id FROM recommendations WHERE id = \(bind: id) AND state_id = \(bind: stateID)"
                ).all().map { try $0.decode(column: "id", as: Int.self) }
            } else {
                matches = try await sql.raw(
                    "SELECT id FROM recommendations WHERE state_id = \(bind: stateID) AND paragraph = \(bind: reference)"
                ).all().map { try $0.decode(column: "id", as: Int.self) }
            }
            guard matches.count == 1, let recommendationID = matches.first else {
                fail(matches.isEmpty ? "matrix.error.notFound" : "matrix.error.ambiguous")
                continue
            }
            let body = row.responsibleBody.trimmingCharacters(in: .whitespacesAndNewlines)
            var lead: Int?
            if !body.isEmpty {
                guard let id = organisations[body.lowercased()] else {
                    fail("matrix.error.organisation", ["name": body])
                    continue
                }
                lead = id
            }
            let existing = try await store.entry(recommendationID: recommendationID)
            var fields = existing?.fields ?? PlanEntryFields()
            fields.goal = row.goal.trimmingCharacters(in: .whitespacesAndNewlines)
            fields.expectedAction = row.expectedAction.trimmingCharacters(in: .whitespacesAndNewlines)
            fields.indicators = row.indicators.trimmingCharacters(in: .whitespacesAndNewlines)
            fields.otherMechanismsNational = row.otherMechanismsNational.trimmingCharacters(in: .whitespacesAndNewlines)
            // The export writes the accepted links above the typed text; they stay links, not text.
            fields.otherMechanismsInternational = MechanismMatch.freeText(
                row.otherMechanismsInternational, without: existing?.mechanismLinks ?? [])
            fields.leadOrganisationID = lead
            if let problem = fields.problems().first {
                fail(problem.messageKey)
                continue
            }
            let before = existing?.fields ?? PlanEntryFields()
            let changed =
                ["goal", "expectedAction", "indicators", "otherMechanismsNational", "otherMechanismsInternational"]
                .compactMap { key -> Change.Field? in
                    let a = (before.asText[key] ?? nil) ?? ""
                    let b = (fields.asText[key] ?? nil) ?? ""
                    return a == b ? nil : Change.Field(name: key, before: a, after: b)
                }
                + (before.leadOrganisationID == lead
                    ? []
                    : [
                        Change.Field(
                            name: "leadOrganisation", before: existing?.leadOrganisationName ?? "", after: body)
                    ])
            if changed.isEmpty {
                result.unchanged += 1
                continue
            }
            let groupID: Int
            if let existing {
                groupID = existing.workingGroupID
            } else {
                let clusters = try await sql.raw(
                    """
                    SELECT t.code FROM recommendation_terms rt JOIN taxonomy_terms t ON t.id = rt.term_id
                    WHERE rt.recommendation_id = \(bind: recommendationID) AND t.taxonomy = 'cluster' ORDER BY t.position
                    """
                ).all().map { try $0.decode(column: "code", as: String.self) }
                let candidates = groups.filter { group in clusters.contains { $0 == group.cluster?.rawValue } } + groups
                guard
                    let group = candidates.first(where: {
                        actor == nil || Authorization.allows(actor, .draftPlanEntry(workingGroupID: $0.id))
                    })
                else {
                    fail("matrix.error.permission")
                    continue
                }
                groupID = group.id
            }
            if let actor, !Authorization.allows(actor, .draftPlanEntry(workingGroupID: groupID)) {
                fail("matrix.error.permission")
                continue
            }
            result.changes.append(
                Change(
                    row: number, reference: reference, recommendationID: recommendationID, entryID: existing?.id,
                    version: existing?.version, workingGroupID: groupID, fields: fields, changedFields: changed))
        }
        return result
    }

    /// Applies a plan in the caller's transaction; a version that moved since the preview stops everything.
    public static func apply(_ plan: Plan, userID: Int?, actor: String, on sql: any SQLDatabase) async throws -> (
        created: Int, updated: Int
    ) {
        let store = PlanStore(sql)
        var created = 0
        var updated = 0
        for change in plan.changes {
            if let id = change.entryID, let version = change.version {
                try await store.update(id, version: version, fields: change.fields, actor: actor, actorUserID: userID)
                updated += 1
            } else {
                _ = try await store.create(
                    recommendationID: change.recommendationID, workingGroupID: change.workingGroupID,
                    fields: change.fields,
                    userID: userID, actor: actor)
                created += 1
            }
        }
        return (created, updated)
    }

    /// Current and former names of every organisation, lower-cased, to its id.
    static func organisationIDs(on sql: any SQLDatabase) async throws -> [String: Int] {
        var out: [String: Int] = [:]
        for row in try await sql.raw("SELECT organisation_id AS id, name FROM organisation_names").all() {
            out[try row.decode(column: "name", as: String.self).lowercased()] = try row.decode(
                column: "id", as: Int.self)
        }
        for row in try await sql.raw("SELECT id, name FROM organisations").all() {
            out[try row.decode(column: "name", as: String.self).lowercased()] = try row.decode(
                column: "id", as: Int.self)
        }
        return out
    }
}
