/// Who set a recommendation's action category, and how sure the machine was; and the labels a person rejected.
///
/// The action category is one value per recommendation, so its origin sits beside it: `source` (the imported file),
/// `machine` (the classifier, with its confidence) or `confirmed` (a person; a confirmed empty value means the person
/// cleared it). Taxonomy links carry their origin in `recommendation_terms`; a rejected machine suggestion is
/// remembered here so that a later run of the classifier does not offer it again.
struct AddLabelReview: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            "ALTER TABLE recommendations ADD COLUMN action_category_origin TEXT",
            "ALTER TABLE recommendations ADD COLUMN action_category_confidence DOUBLE PRECISION",
            "UPDATE recommendations SET action_category_origin = 'source' WHERE action_category IS NOT NULL",
            """
            CREATE TABLE rejected_terms (
                recommendation_id BIGINT NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
                term_id BIGINT NOT NULL REFERENCES taxonomy_terms(id),
                rejected_by TEXT NOT NULL,
                rejected_at TEXT NOT NULL,
                PRIMARY KEY (recommendation_id, term_id)
            )
            """,
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] {
        [
            "DROP TABLE rejected_terms",
            "ALTER TABLE recommendations DROP COLUMN action_category_confidence",
            "ALTER TABLE recommendations DROP COLUMN action_category_origin",
        ]
    }
}
