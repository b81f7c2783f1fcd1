import FluentKit
import Foundation
import SQLKit
import UPRDomain

/// The seed's five thematic working groups, one per cluster, so a fresh installation can draft a plan at once.
struct SeedWorkingGroups: AsyncMigration {
    static let names: [Cluster: String] = [
        .justice: "Justice and civil and political rights",
        .women: "Women's rights",
        .children: "Rights of the child",
        .escRights: "Economic, social and cultural rights",
        .vulnerableGroups: "Other vulnerable groups",
    ]

    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        let now = Timestamp.string(Date())
        for cluster in Cluster.allCases {
            try await sql.insert(into: "working_groups")
                .columns("name", "cluster", "version", "created_at", "updated_at")
                .values(Self.names[cluster] ?? cluster.rawValue, cluster.rawValue, 1, now, now)
                .run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.sql().delete(from: "working_groups").run()
    }
}
