import ArgumentParser

/// `upr`: the root command. Each subcommand is a thin wrapper over functions that tests call directly.
@available(macOS 10.15, macCatalyst 13, iOS 13, tvOS 13, watchOS 6, *)
public struct UPRCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "upr",
        abstract: "UPR Tracker: the shared record of UN human-rights recommendations and their implementation.",
        subcommands: [
            ServeCommand.self, ImportCommand.self, StatsCommand.self, SearchCommand.self, ExportCommand.self,
            UserCommand.self, OrganisationCommand.self, TokenCommand.self, MailCommand.self, RemindersCommand.self,
            ReportCommand.self,
        ] + TextCommandList.all
    )

    public init() {}
}

extension UPRCommand {
    /// Parses the process arguments and runs the chosen command, awaiting async ones. (In a `main.swift`, the
    /// synchronous `main()` overload would be picked, which cannot run async subcommands.)
    public static func execute(_ arguments: [String]? = nil) async {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
