import Foundation
import UPRDomain
import UPRStore
import Vapor

/// The follow / stop-following button of a recommendation, cluster, ministry or state page, built in Swift so the
/// four pages (and each cluster row) share one piece of markup. The public sees a sign-in link instead.
enum SubscribeButton {
    static let unreserved = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "/-._~"))

    static func html(_ request: Request, _ subject: SubscriptionSubject, key: String, name: String) async throws
        -> String
    {
        let t = request.t
        var html = HTMLText(capacity: 512)
        // Back to this very page after following or signing in, its query included (the plan's ministry).
        let here = request.url.string
        guard let user = request.currentUser else {
            html.raw("<p class=\"subscribe\"><a href=\"/login?return=")
            html.text(here.addingPercentEncoding(withAllowedCharacters: Self.unreserved) ?? "/")
            html.raw("\">")
            html.text(t("subscription.signIn"))
            html.raw("</a></p>")
            return html.string
        }
        let following = try await SubscriptionStore(try request.sql()).isSubscribed(
            userID: user.account.id, subject, key: key)
        html.raw("<form class=\"subscribe\" method=\"post\" action=\"")
        html.raw(following ? "/subscriptions/remove" : "/subscriptions")
        html.raw("\"><input type=\"hidden\" name=\"_csrf\" value=\"")
        html.text(request.csrfToken)
        html.raw("\"><input type=\"hidden\" name=\"subject\" value=\"\(subject.rawValue)\">")
        html.raw("<input type=\"hidden\" name=\"key\" value=\"")
        html.text(key)
        html.raw("\"><input type=\"hidden\" name=\"return\" value=\"")
        html.text(here)
        html.raw("\"><button type=\"submit\" class=\"secondary\">")
        html.text(t(following ? "subscription.unsubscribe" : "subscription.subscribe", ["name": name]))
        html.raw("</button></form>")
        return html.string
    }
}
