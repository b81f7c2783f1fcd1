import ArgumentParser
import FluentKit
import Foundation
import UPRApp
import UPRStore

/// `upr refresh`: runs the classifier again and recomputes the recurring recommendations of every state, for a
/// registry imported before these existed or after the model changed. A person's confirmed labels and rejections
/// are kept.
struct RefreshCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh",
        abstract: "Suggest labels again for unlabelled recommendations and recompute the recurring ones.",
        discussion: """
            Machine suggestions are replaced; labels a person confirmed stay, and suggestions a person rejected are \
            not made again. Everything is written in one transaction.
            """)

    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let (suggested, groups) = try await withApplication(database.settings()) { app in
            try await app.db.transaction { database in
                let sql = try database.sqlDatabase()
                return (
                    try await MachineSuggestions.refresh(on: sql), try await RecurrenceRefresh.refreshAll(on: sql)
                )
            }
        }
        print("\(suggested) recommendations classified; \(groups) groups of recurring recommendations")
    }
}
