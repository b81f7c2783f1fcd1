import ArgumentParser
import Foundation
import UPRApp
import UPRDomain
import UPRLocalization
import UPRStore
import UPRWeb

/// `upr token`: API tokens from the command line, as on the administration page. The secret is printed once, on
/// standard output, and never stored.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Make, revoke and list API tokens.",
        subcommands: [TokenCreateCommand.self, TokenRevokeCommand.self, TokenListCommand.self])
}

extension APIScope: ExpressibleByArgument {}

struct TokenCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Make a token for an organisation and print its secret (shown only once).")

    @Option(help: "The organisation the token acts for, by name.") var organisation: String
    @Option(
        name: .customLong("scope"),
        help: ArgumentHelp(
            "A scope, once or more: \(APIScope.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "scope"))
    var scopes: [APIScope]
    @Option(help: ArgumentHelp("The last day the token works.", valueName: "YYYY-MM-DD")) var expires: String?
    @Option(help: "A name saying who uses it (default: the organisation and today's date).") var name: String?
    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let expiresOn = try expires.map { text in
            guard let day = CalendarDay(text) else { throw ValidationError("--expires must be a date YYYY-MM-DD") }
            return day
        }
        let today = CalendarDay(Timestamp.day(Date()))!
        let (organisation, scopes, name) = (organisation, Set(scopes), name)
        let issued = try await withApplication(try database.settings()) { app in
            let organisations = try await OrganisationStore(try app.sql()).organisations()
            guard let found = organisations.first(where: { $0.name.lowercased() == organisation.lowercased() })
            else { throw ValidationError("No organisation named “\(organisation)” (see upr organisation list)") }
            let tokenName = name ?? "\(found.name) \(today)"
            do {
                return try await app.db.writeTransaction { database in
                    try await APITokenIssuer.issue(
                        organisationID: found.id, name: tokenName, scopes: scopes, expiresOn: expiresOn, today: today,
                        actor: "cli:\(NSUserName())", on: try database.sqlDatabase())
                }
            } catch StoreError.invalid(let field, let key) {
                throw ValidationError("Cannot make the token (\(field)): \(Translator(.en)(key))")
            }
        }
        printError("Token \(issued.id) made. Its secret, shown only this once:")
        print(issued.secret)
    }
}

struct TokenRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token at once.")

    @Argument(help: "The token's number or name.") var token: String
    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let token = token
        let (name, changed) = try await withApplication(try database.settings()) { app in
            guard let found = try await APITokenStore(try app.sql()).token(idOrName: token) else {
                throw ValidationError("No token “\(token)” (see upr token list)")
            }
            let changed = try await app.db.writeTransaction { database in
                try await APITokenStore(try database.sqlDatabase()).revoke(found.id, actor: "cli:\(NSUserName())")
            }
            return (found.name, changed)
        }
        print(changed ? "Token \(name) revoked." : "Token \(name) was already revoked.")
    }
}

struct TokenListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the tokens: number, state, name, organisation, scopes, last day, last use."
    )

    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let tokens = try await withApplication(try database.settings()) { app in
            try await APITokenStore(try app.sql()).tokens()
        }
        let today = CalendarDay(Timestamp.day(Date()))!
        for token in tokens {
            let columns = [
                String(token.id), token.state(today: today).rawValue, token.name, token.organisationName,
                APIScope.text(token.scopes), token.expiresOn?.description ?? "-", token.lastUsedAt ?? "never",
            ]
            print(columns.joined(separator: "\t"))
        }
    }
}
