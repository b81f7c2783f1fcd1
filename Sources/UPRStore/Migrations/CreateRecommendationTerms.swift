/// Links recommendations to taxonomy terms. `origin` says who set the link: the imported source, a derivation
/// (clusters from issues), the machine classifier, or a person who confirmed it; confirmed links are never
/// replaced by the machine.
struct CreateRecommendationTerms: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            """
            CREATE TABLE recommendation_terms (
                recommendation_id BIGINT NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
                term_id BIGINT NOT NULL REFERENCES taxonomy_terms(id),
                origin TEXT NOT NULL,
                confidence DOUBLE PRECISION,
                PRIMARY KEY (recommendation_id, term_id)
            )
            """,
            "CREATE INDEX recommendation_terms_term ON recommendation_terms (term_id, recommendation_id)",
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] { ["DROP TABLE recommendation_terms"] }
}
