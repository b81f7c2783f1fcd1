import Foundation
import SQLKit

/// The append-only audit trail. The application only ever inserts here; there is no route that edits or deletes.
public enum AuditLog {
    public static func append(
        on sql: any SQLDatabase, actor: String, action: String, entity: String, entityID: String?, summary: String,
        details: [String: String] = [:]
    ) async throws {
        let json = try String(decoding: JSONEncoder.sortedKeys.encode(details), as: UTF8.self)
        try await sql.insert(into: "audit_log")
            .columns("at", "actor", "action", "entity", "entity_id", "summary", "details")
            .values(Timestamp.string(Date()), actor, action, entity, entityID, summary, json)
            .run()
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
