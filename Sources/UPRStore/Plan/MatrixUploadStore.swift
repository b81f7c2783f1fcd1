import Foundation
import SQLKit

/// A filled matrix someone uploaded, kept between its preview and its application (so the preview's "apply"
/// applies the very file previewed, and only its uploader can).
public struct MatrixUpload: Sendable, Equatable {
    public var id: Int
    public var fileName: String
    public var stateName: String
    public var content: Data
}

/// The uploads waiting to be applied.
public struct MatrixUploadStore: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// Keeps an upload for its preview; returns its id.
    public func keep(fileName: String, stateName: String, content: Data, userID: Int) async throws -> Int {
        guard
            let row = try await sql.insert(into: "matrix_uploads")
                .columns("user_id", "file_name", "state_name", "content", "created_at")
                .values(userID, fileName, stateName, content.base64EncodedString(), Timestamp.string(Date()))
                .returning("id").first()
        else { throw StoreError.missingRow("the new matrix upload") }
        return try row.decode(column: "id", as: Int.self)
    }

    /// The upload `id` of this person that has not been applied yet.
    public func pending(_ id: Int, userID: Int) async throws -> MatrixUpload? {
        guard
            let row = try await sql.raw(
                """
                SELECT file_name, state_name, content FROM matrix_uploads
                WHERE id = \(bind: id) AND user_id = \(bind: userID) AND applied_at IS NULL
                """
            ).first()
        else { return nil }
        return MatrixUpload(
            id: id, fileName: try row.decode(column: "file_name", as: String.self),
            stateName: try row.decode(column: "state_name", as: String.self),
            content: Data(base64Encoded: try row.decode(column: "content", as: String.self)) ?? Data())
    }

    /// Marks an upload applied, so it cannot be applied twice; inside the transaction that applies it.
    public func markApplied(_ id: Int) async throws {
        try await sql.update("matrix_uploads").set("applied_at", to: Timestamp.string(Date())).where("id", .equal, id)
            .run()
    }
}
