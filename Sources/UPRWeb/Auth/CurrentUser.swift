import UPRDomain
import UPRStore
import Vapor

/// The signed-in person of a request, with what the permission rules need.
public struct CurrentUser: Sendable {
    public var account: UserAccount
    public var actor: Principal
    public var sessionHash: String
}

private struct CurrentUserKey: StorageKey { typealias Value = CurrentUser }
private struct CSRFKey: StorageKey { typealias Value = String }
private struct UnreadKey: StorageKey { typealias Value = Int }

extension Request {
    /// The signed-in person, or nil for the public.
    public var currentUser: CurrentUser? {
        get { storage[CurrentUserKey.self] }
        set { storage[CurrentUserKey.self] = newValue }
    }

    /// The permission rules' view of the signed-in person.
    public var actor: Principal? { currentUser?.actor }

    /// How many notices in the signed-in person's inbox are unread, counted when the session was read.
    var unreadNotifications: Int {
        get { storage[UnreadKey.self] ?? 0 }
        set { storage[UnreadKey.self] = newValue }
    }

    /// The token every form on this page must send back.
    public var csrfToken: String {
        get { storage[CSRFKey.self] ?? "" }
        set { storage[CSRFKey.self] = newValue }
    }

    /// Refuses the request unless the rules allow `action`: 401 for the public (so they can sign in), 403 otherwise.
    public func require(_ action: Action) throws {
        guard Authorization.allows(actor, action) else {
            throw Abort(currentUser == nil ? .unauthorized : .forbidden)
        }
    }

    /// Refuses the request unless someone is signed in.
    public func requireUser() throws -> CurrentUser {
        guard let user = currentUser else { throw Abort(.unauthorized) }
        return user
    }

    /// How audit entries name the person: "email (role)".
    var auditName: String {
        currentUser.map { "\($0.account.email) (\($0.account.role.rawValue))" } ?? "public"
    }
}
