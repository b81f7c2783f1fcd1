import Foundation
import SQLKit
import UPRDomain

/// The append-only audit trail. The application only ever inserts here; there is no route that edits or deletes.
public enum AuditLog {
    /// One field's value before and after a change.
    public struct FieldChange: Sendable, Codable, Equatable {
        public var before: String?
        public var after: String?
        public init(before: String?, after: String?) {
            self.before = before
            self.after = after
        }
    }

    /// An entry as the history pages show it.
    public struct Entry: Sendable, Codable, Equatable {
        public var id: Int
        public var at: String
        public var actor: String
        public var action: String
        public var summary: String
        public var changes: [String: FieldChange]
    }

    /// Records a change of a record's fields: only the fields whose value differs are kept.
    public static func recordChange(
        on sql: any SQLDatabase, actor: String, action: String, entity: EntityKind, entityID: Int, summary: String,
        before: [String: String?], after: [String: String?]
    ) async throws {
        var changes: [String: FieldChange] = [:]
        for key in Set(before.keys).union(after.keys) {
            let old = before[key] ?? nil
            let new = after[key] ?? nil
            if old != new { changes[key] = FieldChange(before: old, after: new) }
        }
        let json = try String(decoding: JSONEncoder.sortedKeys.encode(changes), as: UTF8.self)
        try await sql.insert(into: "audit_log")
            .columns("at", "actor", "action", "entity", "entity_id", "summary", "details")
            .values(Timestamp.string(Date()), actor, action, entity.rawValue, String(entityID), summary, json)
            .run()
        try await RegistryVersion.advance(.of(entity), on: sql)
    }

    /// The history of one record, newest first.
    public static func history(entity: EntityKind, id: Int, on sql: any SQLDatabase) async throws -> [Entry] {
        try await sql.raw(
            """
            SELECT id, at, actor, action, summary, details FROM audit_log
            WHERE entity = \(bind: entity.rawValue) AND entity_id = \(bind: String(id)) ORDER BY id DESC
            """
        ).all().map { row in
            let details = try row.decode(column: "details", as: String?.self) ?? "{}"
            let changes =
                (try? JSONDecoder().decode([String: FieldChange].self, from: Data(details.utf8))) ?? [:]
            return Entry(
                id: try row.decode(column: "id", as: Int.self), at: try row.decode(column: "at", as: String.self),
                actor: try row.decode(column: "actor", as: String.self),
                action: try row.decode(column: "action", as: String.self),
                summary: try row.decode(column: "summary", as: String.self), changes: changes)
        }
    }

    public static func append(
        on sql: any SQLDatabase, actor: String, action: String, entity: EntityKind, entityID: String?, summary: String,
        details: [String: String] = [:]
    ) async throws {
        let json = try String(decoding: JSONEncoder.sortedKeys.encode(details), as: UTF8.self)
        try await sql.insert(into: "audit_log")
            .columns("at", "actor", "action", "entity", "entity_id", "summary", "details")
            .values(Timestamp.string(Date()), actor, action, entity.rawValue, entityID, summary, json)
            .run()
        try await RegistryVersion.advance(.of(entity), on: sql)
    }
}

extension JSONEncoder {
    /// Stable output, so equal details produce equal text.
    static var sortedKeys: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
