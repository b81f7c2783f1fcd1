import FluentKit
import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// Following and unfollowing, the person's list of subscriptions and their digest choice.
enum SubscriptionRoutes {

    struct SubjectForm: Content {
        var subject: String?
        var key: String?
        var `return`: String?
    }

    /// The subject of the form, or a 422 naming the field.
    static func subject(_ form: SubjectForm) throws -> (SubscriptionSubject, String) {
        guard let subject = form.subject.flatMap(SubscriptionSubject.init(rawValue:)) else {
            throw StoreError.invalid(field: "subject", messageKey: "form.error.choice")
        }
        guard let key = form.key, subject.accepts(key) else {
            throw StoreError.invalid(field: "key", messageKey: "form.error.choice")
        }
        return (subject, key)
    }

    /// Back to the page the button was on (local paths only), else to the list.
    static func back(_ request: Request, _ form: SubjectForm) -> Vapor.Response {
        request.redirect(
            to: LocalPath.safe(form.return, otherwise: .subscriptions), redirectType: .normal)
    }

    /// Follows (`follow`) or stops following the form's subject, for the signed-in person.
    static func change(follow: Bool) -> @Sendable (Request) async throws -> Vapor.Response {
        { request in
            try CSRF.verify(request)
            let user = try request.requireUser()
            try request.require(.manageOwnSubscriptions)
            let form = try request.content.decode(SubjectForm.self)
            let (subject, key) = try subject(form)
            try await request.db.writeTransaction { database in
                let store = SubscriptionStore(try database.sqlDatabase())
                if follow {
                    try await store.subscribe(userID: user.account.id, subject, key: key, actor: request.auditName)
                } else {
                    try await store.unsubscribe(userID: user.account.id, subject, key: key, actor: request.auditName)
                }
            }
            return back(request, form)
        }
    }
}
