import SQLKit

/// Keeps a recommendation's clusters in step with its machine and confirmed issues: a cluster is `confirmed` when a
/// confirmed issue or theme belongs to it, else `machine` (with the highest confidence of its suggested issues).
/// Clusters derived from the source's own labels are left alone.
enum ReviewedClusters {
    static func sync(recommendationID id: Int, on sql: any SQLDatabase) async throws {
        let rows = try await sql.raw(
            """
            SELECT t.id, t.taxonomy, t.code, t.cluster, rt.origin, rt.confidence FROM recommendation_terms rt
            JOIN taxonomy_terms t ON t.id = rt.term_id WHERE rt.recommendation_id = \(bind: id)
            """
        ).all()
        var wanted: [String: (origin: String, confidence: Double?)] = [:]
        var present: [String: (termID: Int, origin: String, confidence: Double?)] = [:]
        for row in rows {
            let taxonomy = try row.decode(column: "taxonomy", as: String.self)
            let origin = try row.decode(column: "origin", as: String.self)
            let confidence = try row.decode(column: "confidence", as: Double?.self)
            if taxonomy == "cluster" {
                present[try row.decode(column: "code", as: String.self)] = (
                    try row.decode(column: "id", as: Int.self), origin, confidence
                )
                continue
            }
            guard taxonomy == "issue" || taxonomy == "theme", origin == "machine" || origin == "confirmed",
                let cluster = try row.decode(column: "cluster", as: String?.self)
            else { continue }
            if origin == "confirmed" {
                wanted[cluster] = ("confirmed", nil)
            } else if wanted[cluster]?.origin != "confirmed" {
                wanted[cluster] = ("machine", max(wanted[cluster]?.confidence ?? 0, confidence ?? 0))
            }
        }
        for (code, link) in present where link.origin == "machine" || link.origin == "confirmed" {
            if let want = wanted[code], want.origin == link.origin, want.confidence == link.confidence { continue }
            try await sql.raw(
                "DELETE FROM recommendation_terms WHERE recommendation_id = \(bind: id) AND term_id = \(bind: link.termID)"
            ).run()
            present[code] = nil
        }
        let missing = wanted.filter { present[$0.key] == nil }
        guard !missing.isEmpty else { return }
        let clusterIDs = try await sql.raw(
            "SELECT id, code FROM taxonomy_terms WHERE taxonomy = 'cluster' AND code IN (\(binds: Array(missing.keys)))"
        ).all()
        for row in clusterIDs {
            guard let want = missing[try row.decode(column: "code", as: String.self)] else { continue }
            try await sql.raw(
                """
                INSERT INTO recommendation_terms (recommendation_id, term_id, origin, confidence)
                VALUES (\(bind: id), \(bind: try row.decode(column: "id", as: Int.self)), \(bind: want.origin),
                        \(bind: want.confidence))
                """
            ).run()
        }
    }
}
