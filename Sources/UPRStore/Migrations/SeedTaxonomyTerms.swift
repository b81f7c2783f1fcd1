import FluentKit
import SQLKit
import UPRDomain

/// Loads the fixed taxonomies (clusters and their sub-themes, the 54 UPR Info issues, the SDGs and their targets,
/// common affected persons). OHCHR themes are open-ended and arrive with the documents that use them.
struct SeedTaxonomyTerms: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        var rows: [(Taxonomy, String, String, String?, String?)] = []
        for cluster in Cluster.allCases {
            rows.append((.cluster, cluster.rawValue, cluster.rawValue, cluster.rawValue, nil))
            for sub in cluster.subThemes {
                rows.append(
                    (.subTheme, cluster.rawValue + "/" + Slug.make(sub), sub, cluster.rawValue, cluster.rawValue))
            }
        }
        for issue in UPRInfoIssue.all {
            rows.append((.issue, Slug.make(issue.name), issue.name, issue.cluster?.rawValue, nil))
        }
        for goal in SDG.goals {
            rows.append((.sdg, String(goal.number), goal.title, nil, nil))
            for target in SDG.targets(ofGoal: goal.number) {
                rows.append((.sdgTarget, target, target, nil, String(goal.number)))
            }
        }
        for person in AffectedPersons.common {
            rows.append((.affectedPersons, Slug.make(person), person, nil, nil))
        }
        for (offset, chunk) in rows.chunked(into: 100).enumerated() {
            let insert = sql.insert(into: "taxonomy_terms")
                .columns("taxonomy", "code", "name", "cluster", "parent_code", "position")
            for (index, row) in chunk.enumerated() {
                insert.values(
                    SQLBind(row.0.rawValue), SQLBind(row.1), SQLBind(row.2), SQLBind(row.3), SQLBind(row.4),
                    SQLBind(offset * 100 + index))
            }
            try await insert.run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.sql().delete(from: "taxonomy_terms").run()
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements, for multi-row statements within the engines' bind limits.
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
