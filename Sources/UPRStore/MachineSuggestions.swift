import SQLKit
import UPRDomain
import UPRText

/// The classifier's labels for one recommendation, as the store writes them: origin `machine`, with a confidence.
struct MachineLabels: Sendable {
    /// Suggested UPR Info issues (canonical names), most confident first; empty when the source labelled the record.
    var issues: [IssueSuggestion]
    /// Clusters of the suggested issues.
    var clusters: [ClusterSuggestion]
    /// The suggested action category; nil when the source gave one.
    var action: ActionSuggestion?

    /// The term links to write, as "taxonomy|code" keys with their confidence.
    var termLinks: [(key: String, confidence: Double)] {
        issueLinks
            + clusters.map { (key: Taxonomy.cluster.rawValue + "|" + $0.cluster.rawValue, confidence: $0.confidence) }
    }

    /// The issue links alone.
    var issueLinks: [(key: String, confidence: Double)] {
        issues.map { (key: Taxonomy.issue.rawValue + "|" + Slug.make($0.name), confidence: $0.confidence) }
    }
}

/// Machine suggestions: which records get them, computing them, and writing them so that a person's decisions
/// stand. Only records the source left without labels get them: no issue or theme from the source means suggested
/// issues (and their clusters), no action category means a suggested one.
public enum MachineSuggestions {
    static func wantsIssues(_ record: RecommendationRecord) -> Bool { record.issues.isEmpty && record.themes.isEmpty }

    static func wants(_ record: RecommendationRecord) -> Bool {
        wantsIssues(record) || record.actionCategory == nil
    }

    /// Labels for the records that want them, keyed by position in `records`. The model (a few megabytes) is read
    /// only when some record wants a suggestion, so importing a fully labelled file never loads it.
    static func suggest(_ records: [RecommendationRecord]) throws -> [Int: MachineLabels] {
        let wanted = records.indices.filter { wants(records[$0]) }
        guard !wanted.isEmpty else { return [:] }
        let predictions = try Classifier.load().predict(wanted.map { records[$0].text })
        var out: [Int: MachineLabels] = [:]
        for (position, prediction) in zip(wanted, predictions) {
            let record = records[position]
            out[position] = labels(prediction, issues: wantsIssues(record), action: record.actionCategory == nil)
        }
        return out
    }

    static func labels(_ prediction: Prediction, issues: Bool, action: Bool) -> MachineLabels {
        MachineLabels(
            issues: issues ? prediction.issues : [], clusters: issues ? prediction.clusters : [],
            action: action ? prediction.actionCategory : nil)
    }

    /// Replaces one recommendation's machine term links: terms a person rejected stay out, and a link a person
    /// confirmed (or the source gave) is left as it is.
    static func replaceTerms(
        of id: Int, with labels: MachineLabels, termIDs: [String: Int], on sql: any SQLDatabase
    ) async throws {
        try await sql.raw(
            "DELETE FROM recommendation_terms WHERE recommendation_id = \(bind: id) AND origin = 'machine'"
        ).run()
        for link in labels.issueLinks {
            guard let termID = termIDs[link.key] else { continue }
            try await sql.raw(
                """
                INSERT INTO recommendation_terms (recommendation_id, term_id, origin, confidence)
                SELECT \(bind: id), \(bind: termID), 'machine', \(bind: link.confidence)
                WHERE NOT EXISTS (
                    SELECT 1 FROM rejected_terms WHERE recommendation_id = \(bind: id) AND term_id = \(bind: termID))
                ON CONFLICT DO NOTHING
                """
            ).run()
        }
        // Clusters follow the issues that are left, so a rejected issue takes its cluster with it.
        try await ReviewedClusters.sync(recommendationID: id, on: sql)
    }

    /// Runs the classifier again over every recommendation the source left unlabelled (after the model changed,
    /// say): machine suggestions are replaced, a person's confirmed labels and rejections are kept. Returns how many
    /// recommendations were looked at.
    public static func refresh(on sql: any SQLDatabase) async throws -> Int {
        let rows = try await sql.raw(
            """
            SELECT r.id, r.text, r.action_category_origin,
                   CASE WHEN EXISTS (
                       SELECT 1 FROM recommendation_terms rt JOIN taxonomy_terms t ON t.id = rt.term_id
                       WHERE rt.recommendation_id = r.id AND rt.origin = 'source' AND t.taxonomy IN ('issue', 'theme')
                   ) THEN 0 ELSE 1 END AS unlabelled
            FROM recommendations r ORDER BY r.id
            """
        ).all()
        var wanted: [(id: Int, text: String, issues: Bool, action: Bool)] = []
        for row in rows {
            let origin = try row.decode(column: "action_category_origin", as: String?.self)
            let unlabelled = try row.decode(column: "unlabelled", as: Int.self) == 1
            let action = origin == nil || origin == "machine"
            guard unlabelled || action else { continue }
            wanted.append(
                (
                    try row.decode(column: "id", as: Int.self), try row.decode(column: "text", as: String.self),
                    unlabelled, action
                ))
        }
        guard !wanted.isEmpty else { return 0 }
        let termIDs = try await issueAndClusterTermIDs(on: sql)
        let predictions = try Classifier.load().predict(wanted.map { $0.text })
        for (item, prediction) in zip(wanted, predictions) {
            let labels = labels(prediction, issues: item.issues, action: item.action)
            if item.issues { try await replaceTerms(of: item.id, with: labels, termIDs: termIDs, on: sql) }
            if let action = labels.action {
                try await sql.raw(
                    """
                    UPDATE recommendations SET action_category = \(bind: action.category.rawValue),
                        action_category_origin = 'machine', action_category_confidence = \(bind: action.confidence)
                    WHERE id = \(bind: item.id)
                      AND (action_category_origin IS NULL OR action_category_origin = 'machine')
                    """
                ).run()
            }
        }
        return wanted.count
    }

    /// Term ids of every issue and cluster, by "taxonomy|code".
    static func issueAndClusterTermIDs(on sql: any SQLDatabase) async throws -> [String: Int] {
        var out: [String: Int] = [:]
        for row in try await sql.raw(
            "SELECT id, taxonomy, code FROM taxonomy_terms WHERE taxonomy IN ('issue', 'cluster')"
        ).all() {
            let key =
                try row.decode(column: "taxonomy", as: String.self) + "|"
                + row.decode(column: "code", as: String.self)
            out[key] = try row.decode(column: "id", as: Int.self)
        }
        return out
    }
}
