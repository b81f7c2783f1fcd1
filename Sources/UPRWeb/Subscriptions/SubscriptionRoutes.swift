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

    /// Follows (`follow`) or stops following the form's subject, for the signed-in person, and goes back to the page
    /// the button was on (local paths only), else to the list.
    static func change(follow: Bool) -> FormPost<Void, SubjectForm> {
        FormPost(
            load: { _ in }, rule: .always(.manageOwnSubscriptions),
            write: { _, form, write in
                let (subject, key) = try subject(form)
                let store = SubscriptionStore(write.sql)
                if follow {
                    try await store.subscribe(userID: write.principal.userID, subject, key: key, actor: write.actor)
                } else {
                    try await store.unsubscribe(userID: write.principal.userID, subject, key: key, actor: write.actor)
                }
                return .back(form.return, otherwise: .subscriptions)
            })
    }
}
