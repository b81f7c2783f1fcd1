import UPRDomain
import UPRLocalization
import Vapor

/// What a page's view model may know of the request it answers: the language (as a translator), the person the
/// rules decide for, and the facts the page frame shows (their name, unread notices, the form token, the page's own
/// address). The handler makes it once; view models are built from a read model and this value, so they are pure
/// functions that a test can call without a server, and no page can reach the database or the request from there.
struct PageContext: Sendable {
    var t: Translator
    /// The permission rules' view of the signed-in person, nil for the public.
    var principal: Principal?
    /// The signed-in person's name, nil for the public.
    var userName: String?
    /// The token every form on the page sends back.
    var csrf: String
    /// Unread notices in the signed-in person's inbox.
    var unread: Int
    /// The page's path and query, for forms and language links that come back here.
    var here: String

    var language: Language { t.language }
    var signedIn: Bool { principal != nil }

    init(
        language: Language, principal: Principal? = nil, userName: String? = nil, csrf: String = "", unread: Int = 0,
        here: String = "/"
    ) {
        t = Translator(language)
        self.principal = principal
        self.userName = userName
        self.csrf = csrf
        self.unread = unread
        self.here = here
    }

    init(_ request: Request) {
        self.init(
            language: request.language, principal: request.actor, userName: request.currentUser?.account.name,
            csrf: request.csrfToken, unread: request.unreadNotifications,
            here: request.url.path + (request.url.query.map { "?" + $0 } ?? ""))
    }

    /// Whether the rules let this person do `action` (what a page asks before it offers a link or a form).
    func allows(_ action: Action) -> Bool { Authorization.allows(principal, action) }
}

extension Request {
    /// The request as a page's view model may see it.
    var page: PageContext { PageContext(self) }
}
