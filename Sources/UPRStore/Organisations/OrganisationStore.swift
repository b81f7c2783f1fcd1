import Foundation
import SQLKit
import UPRDomain

/// Organisations and working groups. Every change is versioned and audited; a rename keeps the old name with its
/// dates so that records made under it still read right.
public struct OrganisationStore: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    public func organisations() async throws -> [Organisation] {
        let rows = try await sql.raw(
            """
            SELECT o.id, o.name, o.kind, s.name AS state_name, o.valid_from, o.valid_to, o.version
            FROM organisations o LEFT JOIN states s ON s.id = o.represents_state_id ORDER BY o.name
            """
        ).all()
        let names = try await sql.raw(
            "SELECT organisation_id, name, valid_from, valid_to FROM organisation_names ORDER BY id"
        ).all()
        let members = try await sql.raw("SELECT working_group_id, organisation_id FROM working_group_members").all()
        var former: [Int: [Organisation.FormerName]] = [:]
        for row in names {
            former[try row.decode(column: "organisation_id", as: Int.self), default: []].append(
                .init(
                    name: try row.decode(column: "name", as: String.self),
                    validFrom: try row.decode(column: "valid_from", as: String?.self),
                    validTo: try row.decode(column: "valid_to", as: String?.self)))
        }
        var groups: [Int: [Int]] = [:]
        for row in members {
            groups[try row.decode(column: "organisation_id", as: Int.self), default: []].append(
                try row.decode(column: "working_group_id", as: Int.self))
        }
        return try rows.map { row in
            let id = try row.decode(column: "id", as: Int.self)
            return Organisation(
                id: id, name: try row.decode(column: "name", as: String.self),
                kind: OrganisationKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .cso,
                representsState: try row.decode(column: "state_name", as: String?.self),
                validFrom: try row.decode(column: "valid_from", as: String?.self),
                validTo: try row.decode(column: "valid_to", as: String?.self),
                version: try row.decode(column: "version", as: Int.self), formerNames: former[id] ?? [],
                workingGroupIDs: (groups[id] ?? []).sorted())
        }
    }

    public func organisation(_ id: Int) async throws -> Organisation? {
        try await organisations().first { $0.id == id }
    }

    public func create(
        name: String, kind: OrganisationKind, representsState: String?, validFrom: String?, actor: String
    ) async throws -> Int {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw StoreError.invalid(field: "name", messageKey: "form.error.required") }
        if try await sql.raw("SELECT id FROM organisations WHERE LOWER(name) = LOWER(\(bind: name))").first() != nil {
            throw StoreError.invalid(field: "name", messageKey: "organisation.error.nameTaken")
        }
        let stateID = try await stateID(representsState)
        let now = Timestamp.string(Date())
        let row = try await sql.insert(into: "organisations")
            .columns("name", "kind", "represents_state_id", "valid_from", "created_at", "updated_at")
            .values(name, kind.rawValue, stateID, validFrom, now, now)
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int.self) else { throw StoreError.missingRow("organisation") }
        try await sql.insert(into: "organisation_names").columns("organisation_id", "name", "valid_from")
            .values(id, name, validFrom).run()
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: "create", entity: .organisation, entityID: id,
            summary: "Organisation created: \(name)", before: [:],
            after: ["name": name, "kind": kind.rawValue, "representsState": representsState, "validFrom": validFrom])
        return id
    }

    /// Updates an organisation. A new name closes the current name on `renamedOn` and opens the new one.
    public func update(
        _ id: Int, version: Int, name: String, kind: OrganisationKind, representsState: String?, validTo: String?,
        renamedOn: String?, actor: String
    ) async throws {
        guard let before = try await organisation(id) else { throw StoreError.missingRow("organisation \(id)") }
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw StoreError.invalid(field: "name", messageKey: "form.error.required") }
        if name != before.name,
            try await sql.raw(
                "SELECT id FROM organisations WHERE LOWER(name) = LOWER(\(bind: name)) AND id <> \(bind: id)"
            ).first() != nil
        {
            throw StoreError.invalid(field: "name", messageKey: "organisation.error.nameTaken")
        }
        let stateID = try await stateID(representsState)
        _ = try await VersionedUpdate.run(
            table: "organisations", id: id, expected: version,
            values: [("name", name), ("kind", kind.rawValue), ("represents_state_id", stateID), ("valid_to", validTo)],
            on: sql)
        if name != before.name {
            let day = renamedOn ?? Timestamp.day(Date())
            try await sql.raw(
                "UPDATE organisation_names SET valid_to = \(bind: day) WHERE organisation_id = \(bind: id) AND valid_to IS NULL"
            ).run()
            try await sql.insert(into: "organisation_names").columns("organisation_id", "name", "valid_from")
                .values(id, name, day).run()
        }
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: name != before.name ? "rename" : "update", entity: .organisation,
            entityID: id,
            summary: name != before.name ? "Renamed from \(before.name) to \(name)" : "Organisation changed",
            before: [
                "name": before.name, "kind": before.kind.rawValue, "representsState": before.representsState,
                "validTo": before.validTo,
            ],
            after: ["name": name, "kind": kind.rawValue, "representsState": representsState, "validTo": validTo])
    }

    private func stateID(_ name: String?) async throws -> Int? {
        guard let name, !name.isEmpty else { return nil }
        guard let id = try await StateDirectory.id(named: name, on: sql) else {
            throw StoreError.invalid(field: "representsState", messageKey: "organisation.error.unknownState")
        }
        return id
    }

    // MARK: Working groups

    public func workingGroups() async throws -> [WorkingGroup] {
        let rows = try await sql.raw("SELECT id, name, cluster, version FROM working_groups ORDER BY id").all()
        let members = try await sql.raw("SELECT working_group_id, organisation_id FROM working_group_members").all()
        var byGroup: [Int: [Int]] = [:]
        for row in members {
            byGroup[try row.decode(column: "working_group_id", as: Int.self), default: []].append(
                try row.decode(column: "organisation_id", as: Int.self))
        }
        return try rows.map { row in
            let id = try row.decode(column: "id", as: Int.self)
            return WorkingGroup(
                id: id, name: try row.decode(column: "name", as: String.self),
                cluster: (try row.decode(column: "cluster", as: String?.self)).flatMap(Cluster.init(rawValue:)),
                version: try row.decode(column: "version", as: Int.self), memberIDs: (byGroup[id] ?? []).sorted())
        }
    }

    public func createWorkingGroup(name: String, cluster: Cluster?, actor: String) async throws -> Int {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw StoreError.invalid(field: "name", messageKey: "form.error.required") }
        if try await sql.raw("SELECT id FROM working_groups WHERE LOWER(name) = LOWER(\(bind: name))").first() != nil {
            throw StoreError.invalid(field: "name", messageKey: "organisation.error.nameTaken")
        }
        let now = Timestamp.string(Date())
        let row = try await sql.insert(into: "working_groups").columns("name", "cluster", "created_at", "updated_at")
            .values(name, cluster?.rawValue, now, now).returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int.self) else { throw StoreError.missingRow("group") }
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: "create", entity: .workingGroup, entityID: id,
            summary: "Working group created: \(name)", before: [:], after: ["name": name, "cluster": cluster?.rawValue])
        return id
    }

    /// Sets a group's name, cluster and members in one versioned change.
    public func updateWorkingGroup(
        _ id: Int, version: Int, name: String, cluster: Cluster?, memberIDs: [Int], actor: String
    ) async throws {
        guard let before = try await workingGroups().first(where: { $0.id == id }) else {
            throw StoreError.missingRow("working group \(id)")
        }
        _ = try await VersionedUpdate.run(
            table: "working_groups", id: id, expected: version,
            values: [("name", name), ("cluster", cluster?.rawValue)],
            on: sql)
        try await sql.delete(from: "working_group_members").where("working_group_id", .equal, id).run()
        for member in Set(memberIDs).sorted() {
            try await sql.insert(into: "working_group_members").columns("working_group_id", "organisation_id")
                .values(id, member).run()
        }
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: "update", entity: .workingGroup, entityID: id,
            summary: "Working group changed",
            before: [
                "name": before.name, "cluster": before.cluster?.rawValue,
                "members": before.memberIDs.map(String.init).joined(separator: ","),
            ],
            after: [
                "name": name, "cluster": cluster?.rawValue,
                "members": Set(memberIDs).sorted().map(String.init).joined(separator: ","),
            ])
    }
}
