import SQLKit
import UPRDomain

/// A person who signs in. The password hash and TOTP secret never leave the server.
public struct UserAccount: Sendable, Equatable {
    public var id: Int
    public var email: String
    public var name: String
    public var passwordHash: String
    public var role: Role
    public var organisationID: Int?
    public var organisationName: String?
    public var totpSecret: String?
    public var totpEnabled: Bool
    public var totpLastCounter: Int?
    public var active: Bool
    public var version: Int
    /// The language code the person last used the site in (`en`, `mn`), nil until known.
    public var language: String?

    static let columns = """
        u.id, u.email, u.name, u.password_hash, u.role, u.organisation_id, o.name AS organisation_name, u.totp_secret,
        u.totp_enabled, u.totp_last_counter, u.active, u.version, u.language
        """
}

// In an extension, so that the type keeps its memberwise initialiser (the tests build accounts with it).
extension UserAccount {
    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int.self)
        email = try row.decode(column: "email", as: String.self)
        name = try row.decode(column: "name", as: String.self)
        passwordHash = try row.decode(column: "password_hash", as: String.self)
        role = Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .observer
        organisationID = try row.decode(column: "organisation_id", as: Int?.self)
        organisationName = try row.decode(column: "organisation_name", as: String?.self)
        totpSecret = try row.decode(column: "totp_secret", as: String?.self)
        totpEnabled = try row.decode(column: "totp_enabled", as: Int.self) != 0
        totpLastCounter = try row.decode(column: "totp_last_counter", as: Int?.self)
        active = try row.decode(column: "active", as: Int.self) != 0
        version = try row.decode(column: "version", as: Int.self)
        language = try row.decode(column: "language", as: String?.self)
    }
}
