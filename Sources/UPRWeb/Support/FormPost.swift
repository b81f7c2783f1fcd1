import FluentKit
import SQLKit
import UPRDomain
import UPRStore
import Vapor

/// The one path a form's POST takes, declared by each handler instead of written out again: the CSRF token, a
/// signed-in person, the record the form acts on (404 when there is none), the rule for it in `Authorization` (401 for the public, 403
/// for others), the form decoded, the write in one transaction (the store checks the version it is given and
/// writes the audit line under `Write.actor`), and where the person goes next (a 303, or a page).
///
/// A refusal the store raises (a stale version, a bad value) leaves the transaction unwritten. A form that shows
/// itself again with the reason declares `refused` (a bad value: `StoreError.invalid`, or `FieldProblems` for
/// several at once, 422) and `conflict` (a stale version); without them the refusal reaches `SiteErrorMiddleware`,
/// which answers it with its message.
struct FormPost<Subject: Sendable, Form: Decodable & Sendable>: Sendable {
    /// Who may post the form. Every rule needs someone signed in: no rule lets the public write.
    enum Rule: Sendable {
        /// Any signed-in person: the write touches only that person's own records (password, inbox, calendar).
        case signedIn
        /// One rule whatever the subject, checked before it is looked up (nothing is found for whom it is refused).
        case always(Action)
        /// The rule for the subject looked up.
        case forSubject(@Sendable (Subject) -> Action)
        /// A rule that depends on what the form says (the group a record is for, the organisation it speaks for):
        /// the write checks it with `Write.require` before it writes anything.
        case byForm
    }

    /// What a write is given: the transaction's database and who is writing.
    struct Write: Sendable {
        let sql: any SQLDatabase
        /// The name the audit log records (`email (role)`).
        let actor: String
        let userID: Int?
        /// The signed-in person, for a rule that depends on what the form says.
        let principal: Principal
        /// The request, for what the write needs of it besides the database (translator, settings, hashing):
        /// its database is not the transaction's, `sql` is.
        let request: Request

        /// Refuses the write unless the rules allow `action` (403: someone is signed in).
        func require(_ action: Action) throws {
            guard Authorization.allows(principal, action) else { throw Abort(.forbidden) }
        }
    }

    /// Where the person goes once the write is committed.
    enum Next: Sendable {
        /// A 303 to a page of the site, at one of its anchors when `at` is given.
        case redirect(SiteRoute, at: String? = nil)
        /// A 303 back to the page the form came from, if `LocalPath` accepts it, else to `otherwise`.
        case back(String?, otherwise: SiteRoute, at: String? = nil)
        /// A page rendered after the commit, so that it shows what was written (a link shown once, a new setting).
        case page(@Sendable (Request) async throws -> Vapor.Response)
    }

    let load: @Sendable (Request) async throws -> Subject
    let rule: Rule
    let write: @Sendable (Subject, Form, Write) async throws -> Next
    let refused: (@Sendable (Request, Subject, Form, [FieldError]) async throws -> Vapor.Response)?
    let conflict: (@Sendable (Request, Subject, Form) async throws -> Vapor.Response)?

    init(
        _ form: Form.Type = Form.self, load: @escaping @Sendable (Request) async throws -> Subject, rule: Rule,
        write: @escaping @Sendable (Subject, Form, Write) async throws -> Next,
        refused: (@Sendable (Request, Subject, Form, [FieldError]) async throws -> Vapor.Response)? = nil,
        conflict: (@Sendable (Request, Subject, Form) async throws -> Vapor.Response)? = nil
    ) {
        self.load = load
        self.rule = rule
        self.write = write
        self.refused = refused
        self.conflict = conflict
    }

    @Sendable func handle(_ request: Request) async throws -> Vapor.Response {
        try CSRF.verify(request)
        // No rule lets the public write: a signed-out person is asked to sign in before anything is looked up.
        guard let user = request.currentUser else { throw Abort(.unauthorized) }
        if case .always(let action) = rule { try request.require(action) }
        let subject = try await load(request)
        if case .forSubject(let permission) = rule { try request.require(permission(subject)) }
        let form = try request.content.decode(Form.self)
        let actor = request.auditName
        let next: Next
        do {
            next = try await request.db.writeTransaction { database in
                try await write(
                    subject, form,
                    Write(
                        sql: try database.sqlDatabase(), actor: actor, userID: user.account.id, principal: user.actor,
                        request: request))
            }
        } catch {
            if let refused, let problems = FieldProblems(refusal: error) {
                let t = request.t
                let errors = problems.problems.map {
                    FieldError(field: $0.field, message: t($0.messageKey, $0.arguments))
                }
                return try await refused(request, subject, form, errors)
            }
            if let conflict, case StoreError.staleVersion = error { return try await conflict(request, subject, form) }
            if let problems = error as? FieldProblems, let first = problems.problems.first {
                // A form with no page of its own to show them on: the middleware's answer names the first.
                throw StoreError.invalid(field: first.field, messageKey: first.messageKey)
            }
            throw error
        }
        switch next {
        case .redirect(let route, let fragment):
            return request.redirect(to: fragment.map(route.href(at:)) ?? route.href, redirectType: .normal)
        case .back(let target, let fallback, let fragment):
            let path = LocalPath.safe(target, otherwise: fallback)
            return request.redirect(to: path + (fragment.map { "#" + $0 } ?? ""), redirectType: .normal)
        case .page(let render):
            return try await render(request)
        }
    }
}

extension Request {
    /// The record number in the path (`:id`), or 404: the subject of a form about a record it does not look up.
    @Sendable func pathID() throws -> Int {
        guard let id = parameters.get("id", as: Int.self) else { throw Abort(.notFound) }
        return id
    }
}

/// The form of a button that only confirms the version the person saw.
struct VersionForm: Content {
    var version: Int?
}
