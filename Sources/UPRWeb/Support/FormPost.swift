import FluentKit
import SQLKit
import UPRDomain
import UPRStore
import Vapor

/// The one path a form's POST takes, declared by each handler instead of written out again: the CSRF token, a
/// signed-in person, the record the form acts on (404 when there is none), the rule for it in `Authorization` (401 for the public, 403
/// for others), the form decoded, the write in one transaction (the store checks the version it is given and
/// writes the audit line under `FormWrite.actor`), and a 303 to the page the person goes to next.
///
/// A refusal the store raises (a stale version, a bad value) leaves the transaction unwritten and reaches
/// `SiteErrorMiddleware`, which answers it with its message.
struct FormPost<Subject: Sendable, Form: Decodable & Sendable>: Sendable {
    /// What a write is given: the transaction's database and who is writing.
    struct Write: Sendable {
        let sql: any SQLDatabase
        /// The name the audit log records (`email (role)`).
        let actor: String
        let userID: Int?
    }

    let load: @Sendable (Request) async throws -> Subject
    let permission: @Sendable (Subject) -> Action
    let write: @Sendable (Subject, Form, Write) async throws -> SiteRoute

    init(
        _ form: Form.Type = Form.self, load: @escaping @Sendable (Request) async throws -> Subject,
        permission: @escaping @Sendable (Subject) -> Action,
        write: @escaping @Sendable (Subject, Form, Write) async throws -> SiteRoute
    ) {
        self.load = load
        self.permission = permission
        self.write = write
    }

    @Sendable func handle(_ request: Request) async throws -> Vapor.Response {
        try CSRF.verify(request)
        // No rule lets the public write: a signed-out person is asked to sign in before anything is looked up.
        guard request.currentUser != nil else { throw Abort(.unauthorized) }
        let subject = try await load(request)
        try request.require(permission(subject))
        let form = try request.content.decode(Form.self)
        let actor = request.auditName
        let userID = request.currentUser?.account.id
        let next = try await request.db.writeTransaction { database in
            try await write(subject, form, Write(sql: try database.sqlDatabase(), actor: actor, userID: userID))
        }
        return request.redirect(to: next.href, redirectType: .normal)
    }
}

/// The form of a button that only confirms the version the person saw.
struct VersionForm: Content {
    var version: Int?
}
