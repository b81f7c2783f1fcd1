import ArgumentParser
import Foundation
import UPRApp
import UPRDomain
import UPRStore
import UPRWeb

/// `upr user`: accounts from the command line, for the first administrator and for lost passwords.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Add accounts and make password-reset links.",
        subcommands: [UserAddCommand.self, UserResetCommand.self])
}

struct UserAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an account and print a link where the person sets their password.")

    enum RoleChoice: String, ExpressibleByArgument, CaseIterable {
        case administrator
        case focalPoint = "focal-point"
        case csoMember = "cso-member"
        case observer
    }

    @Argument(help: "Email address (the sign-in name).") var email: String
    @Option(help: "The person's name.") var name: String
    @Option(help: "Role.") var role: RoleChoice
    @Option(help: "Organisation name (it must exist; see the Administration page).") var organisation: String?
    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let settings = try database.settings()
        let (email, name, role, organisation) = (email, name, Role(rawValue: role.rawValue) ?? .observer, organisation)
        let (link, mail) = try await withApplication(settings) { app in
            let sql = try app.sql()
            var organisationID: Int?
            if let organisation {
                guard
                    let found = try await OrganisationStore(sql).organisations().first(where: {
                        $0.name.lowercased() == organisation.lowercased()
                    })
                else { throw ValidationError("No organisation is named “\(organisation)”.") }
                organisationID = found.id
            }
            // The account starts with an unusable password; the person chooses one through the link.
            let unusable = try await app.password.async.hash(UUID().uuidString + UUID().uuidString)
            let organisation = organisationID
            let issued = try await app.db.transaction { database in
                let sql = try database.sqlDatabase()
                let id = try await AccountStore(sql).createUser(
                    email: email, name: name, passwordHash: unusable, role: role, organisationID: organisation,
                    actor: "cli:\(NSUserName())")
                return try await PasswordReset.issue(userID: id, purpose: .welcome, settings: settings.site, on: sql)
            }
            return (issued.link, try await MailNow.deliver(issued.mailID, app))
        }
        print("Account created for \(email). The person sets a password here (valid for one hour, once):")
        print(link)
        if let mail { printError(mail) }
    }
}

struct UserResetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset", abstract: "Print a one-time password-reset link for an account.")

    @Argument(help: "Email address of the account.") var email: String
    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let settings = try database.settings()
        let email = email
        let (link, mail) = try await withApplication(settings) { app in
            guard let user = try await AccountStore(try app.sql()).user(email: email) else {
                throw ValidationError("No account has the email \(email).")
            }
            let issued = try await app.db.transaction { database in
                let sql = try database.sqlDatabase()
                let issued = try await PasswordReset.issue(userID: user.id, settings: settings.site, on: sql)
                try await AuditLog.append(
                    on: sql, actor: "cli:\(NSUserName())", action: "reset-link", entity: .user,
                    entityID: String(user.id),
                    summary: issued.mailID == nil
                        ? "Password reset link issued" : "Password reset link issued and mailed")
                return issued
            }
            return (issued.link, try await MailNow.deliver(issued.mailID, app))
        }
        print(link)
        if let mail { printError(mail) }
    }
}
