import Foundation
import SQLKit
import UPRDomain

/// What a person does with a recommendation's labels. Issues are the classifier's vocabulary (UPR Info issues, by
/// code); clusters follow the issues; the action category is one value.
public enum LabelChange: Sendable, Equatable {
    /// A machine-suggested issue becomes the person's own.
    case confirm(issue: String)
    /// A machine-suggested (or the person's own) issue goes, and the machine does not suggest it again.
    case reject(issue: String)
    /// The person adds an issue of their own.
    case add(issue: String)
    /// The machine-suggested action category becomes the person's own.
    case confirmAction
    /// The person sets (or, with nil, clears) the action category.
    case setAction(ActionCategory?)
}

/// A person's review of the labels: confirming, rejecting or adding. Confirmed labels (origin `confirmed`) are never
/// replaced or removed by an import or a run of the classifier.
public enum LabelReview {
    /// Applies `change` if the recommendation still has `version`; bumps the version and records the labels before
    /// and after in the audit log. Call it inside a transaction.
    public static func apply(
        _ change: LabelChange, recommendationID id: Int, version: Int, actor: String, on sql: any SQLDatabase
    ) async throws {
        let before = try await snapshot(id, on: sql)
        _ = try await VersionedUpdate.run(table: "recommendations", id: id, expected: version, values: [], on: sql)
        let summary: String
        switch change {
        case .confirm(let code):
            let term = try await issue(code, on: sql)
            guard
                try await sql.raw(
                    """
                    UPDATE recommendation_terms SET origin = 'confirmed', confidence = NULL
                    WHERE recommendation_id = \(bind: id) AND term_id = \(bind: term.id) AND origin = 'machine'
                    RETURNING term_id
                    """
                ).first() != nil
            else { throw StoreError.invalid(field: "issue", messageKey: "labels.error.notSuggested") }
            summary = "Confirmed the suggested issue \(term.name)"
        case .reject(let code):
            let term = try await issue(code, on: sql)
            guard
                try await sql.raw(
                    """
                    DELETE FROM recommendation_terms
                    WHERE recommendation_id = \(bind: id) AND term_id = \(bind: term.id)
                      AND origin IN ('machine', 'confirmed')
                    RETURNING term_id
                    """
                ).first() != nil
            else { throw StoreError.invalid(field: "issue", messageKey: "labels.error.notSuggested") }
            try await sql.raw(
                """
                INSERT INTO rejected_terms (recommendation_id, term_id, rejected_by, rejected_at)
                VALUES (\(bind: id), \(bind: term.id), \(bind: actor), \(bind: Timestamp.string(Date())))
                ON CONFLICT DO NOTHING
                """
            ).run()
            summary = "Rejected the issue \(term.name)"
        case .add(let code):
            let term = try await issue(code, on: sql)
            try await sql.raw(
                "DELETE FROM rejected_terms WHERE recommendation_id = \(bind: id) AND term_id = \(bind: term.id)"
            ).run()
            // Adding what the machine suggested confirms it; what the source gave stays the source's.
            try await sql.raw(
                """
                INSERT INTO recommendation_terms (recommendation_id, term_id, origin, confidence)
                VALUES (\(bind: id), \(bind: term.id), 'confirmed', NULL)
                ON CONFLICT (recommendation_id, term_id) DO UPDATE SET origin = 'confirmed', confidence = NULL
                WHERE recommendation_terms.origin = 'machine'
                """
            ).run()
            summary = "Added the issue \(term.name)"
        case .confirmAction:
            guard
                try await sql.raw(
                    """
                    UPDATE recommendations SET action_category_origin = 'confirmed', action_category_confidence = NULL
                    WHERE id = \(bind: id) AND action_category_origin = 'machine' RETURNING id
                    """
                ).first() != nil
            else { throw StoreError.invalid(field: "actionCategory", messageKey: "labels.error.notSuggested") }
            summary = "Confirmed the suggested action category"
        case .setAction(let category):
            try await sql.raw(
                """
                UPDATE recommendations SET action_category = \(bind: category?.rawValue),
                    action_category_origin = 'confirmed', action_category_confidence = NULL
                WHERE id = \(bind: id)
                """
            ).run()
            summary = category.map { "Set the action category to \($0.rawValue)" } ?? "Cleared the action category"
        }
        try await ReviewedClusters.sync(recommendationID: id, on: sql)
        let after = try await snapshot(id, on: sql)
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: "labels", entity: .recommendation, entityID: id, summary: summary,
            before: before, after: after)
    }

    /// The issue term with `code`, or an error naming the field.
    private static func issue(_ code: String, on sql: any SQLDatabase) async throws -> (id: Int, name: String) {
        guard
            let row = try await sql.raw(
                "SELECT id, name FROM taxonomy_terms WHERE taxonomy = 'issue' AND code = \(bind: code)"
            ).first()
        else { throw StoreError.invalid(field: "issue", messageKey: "labels.error.unknownIssue") }
        return (try row.decode(column: "id", as: Int.self), try row.decode(column: "name", as: String.self))
    }

    /// The labels as text for the audit log: every issue and cluster with its origin, and the action category.
    static func snapshot(_ id: Int, on sql: any SQLDatabase) async throws -> [String: String?] {
        guard
            let row = try await sql.raw(
                "SELECT action_category, action_category_origin FROM recommendations WHERE id = \(bind: id)"
            ).first()
        else { throw StoreError.missingRow("recommendation \(id)") }
        let terms = try await sql.raw(
            """
            SELECT t.taxonomy, t.name, rt.origin, rt.confidence FROM recommendation_terms rt
            JOIN taxonomy_terms t ON t.id = rt.term_id
            WHERE rt.recommendation_id = \(bind: id) AND t.taxonomy IN ('issue', 'cluster')
            ORDER BY t.taxonomy, t.name
            """
        ).all()
        var lists: [String: [String]] = [:]
        for term in terms {
            let confidence =
                try term.decode(column: "confidence", as: Double?.self)
                .map { String(format: " %.2f", $0) } ?? ""
            lists[try term.decode(column: "taxonomy", as: String.self), default: []].append(
                try term.decode(column: "name", as: String.self) + " ["
                    + term.decode(column: "origin", as: String.self) + confidence + "]")
        }
        let origin = try row.decode(column: "action_category_origin", as: String?.self) ?? ""
        let action = try row.decode(column: "action_category", as: Int?.self).map { "\($0) [\(origin)]" }
        return [
            "issues": lists["issue"]?.joined(separator: "; "), "clusters": lists["cluster"]?.joined(separator: "; "),
            "actionCategory": action,
        ]
    }
}
