import ArgumentParser
import Foundation
import UPRApp
import UPRDomain
import UPRLocalization
import UPRStore

/// `upr organisation`: organisations from the command line, so that a new installation can be set up (ministries,
/// then `upr user add … --organisation`) before anyone can sign in to the Administration page.
struct OrganisationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "organisation", abstract: "Add and list organisations.",
        subcommands: [OrganisationAddCommand.self, OrganisationListCommand.self])
}

extension OrganisationKind: ExpressibleByArgument {}

struct OrganisationAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an organisation.")

    @Argument(help: "The organisation's name.") var name: String
    @Option(
        help: ArgumentHelp(
            "Kind: \(OrganisationKind.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "kind"))
    var kind: OrganisationKind
    @Option(help: "For an embassy: the state it represents.") var representsState: String?
    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let settings = try database.settings()
        let (name, kind, state) = (name, kind, representsState)
        let id = try await withApplication(settings) { app in
            do {
                return try await app.db.transaction { database in
                    try await OrganisationStore(try database.sqlDatabase()).create(
                        name: name, kind: kind, representsState: state, validFrom: nil, actor: "cli:\(NSUserName())")
                }
            } catch StoreError.invalid(let field, let key) {
                throw ValidationError("Cannot add “\(name)” (\(field)): \(Translator(.en)(key))")
            }
        }
        print("Organisation \(id) added: \(name) (\(kind.rawValue))")
    }
}

struct OrganisationListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the organisations.")

    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let organisations = try await withApplication(try database.settings()) { app in
            try await OrganisationStore(try app.sql()).organisations()
        }
        for organisation in organisations {
            print("\(organisation.id)\t\(organisation.kind.rawValue)\t\(organisation.name)")
        }
    }
}
