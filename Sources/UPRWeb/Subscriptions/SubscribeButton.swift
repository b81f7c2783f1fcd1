import Foundation
import UPRDomain
import UPRStore
import Vapor

/// The follow / stop-following button of a recommendation, cluster, ministry or state page, built in Swift so the
/// four pages (and each cluster row) share one piece of markup. The public sees a sign-in link instead.
enum SubscribeButton {

    static func html(_ request: Request, _ subject: SubscriptionSubject, key: String, name: String) async throws
        -> SafeHTML
    {
        var following = false
        if let user = request.currentUser {
            following = try await SubscriptionStore(try request.sql()).isSubscribed(
                userID: user.account.id, subject, key: key)
        }
        return make(subject, key: key, name: name, following: following, request.page)
    }

    /// The button for a person who does (or does not yet) follow the subject.
    static func make(_ subject: SubscriptionSubject, key: String, name: String, following: Bool, _ context: PageContext)
        -> SafeHTML
    {
        let t = context.t
        var out = SafeHTML.Builder(capacity: 512)
        // Back to this very page after following or signing in, its query included (the plan's ministry).
        let here = context.here
        guard context.signedIn else {
            out.raw("<p class=\"subscribe\"><a href=\"")
            out.text(SiteRoute.login(returnTo: here).href)
            out.raw("\">")
            out.text(t("subscription.signIn"))
            out.raw("</a></p>")
            return out.html
        }
        out.raw("<form class=\"subscribe\" method=\"post\" action=\"")
        out.text((following ? SiteRoute.unfollow : .follow).href)
        out.raw("\"><input type=\"hidden\" name=\"_csrf\" value=\"")
        out.text(context.csrf)
        out.append("\"><input type=\"hidden\" name=\"subject\" value=\"\(subject.rawValue)\">")
        out.raw("<input type=\"hidden\" name=\"key\" value=\"")
        out.text(key)
        out.raw("\"><input type=\"hidden\" name=\"return\" value=\"")
        out.text(here)
        out.raw("\"><button type=\"submit\" class=\"secondary\">")
        out.text(t(following ? "subscription.unsubscribe" : "subscription.subscribe", ["name": name]))
        out.raw("</button></form>")
        return out.html
    }
}
