/// What the Universal Human Rights Index (UHRI) says of a record and the other sources do not.
///
/// `annotation_id` is OHCHR's stable key: a later import of the same export finds the row by it, whatever else
/// changed. `text_key` is the natural key written with the text instead of the paragraph, so that a UPR Info row
/// (which has no paragraph number) and the same paragraph from UHRI or an OHCHR list are found to be one
/// recommendation. The lists (states and regions concerned) are joined with "; " like `recommending_states`.
struct AddUHRIFields: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            "ALTER TABLE recommendations ADD COLUMN annotation_id TEXT",
            "ALTER TABLE recommendations ADD COLUMN text_key TEXT",
            "ALTER TABLE recommendations ADD COLUMN recommending_body TEXT",
            "ALTER TABLE recommendations ADD COLUMN position_as_given TEXT",
            "ALTER TABLE recommendations ADD COLUMN states_concerned TEXT",
            "ALTER TABLE recommendations ADD COLUMN regions_concerned TEXT",
            "ALTER TABLE recommendations ADD COLUMN publication_date TEXT",
            "ALTER TABLE recommendations ADD COLUMN indexed_date TEXT",
            "CREATE UNIQUE INDEX recommendations_annotation ON recommendations (annotation_id)",
            "CREATE INDEX recommendations_text_key ON recommendations (text_key)",
            "CREATE INDEX recommendations_body ON recommendations (recommending_body)",
            "CREATE INDEX recommendations_mechanism ON recommendations (mechanism)",
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] {
        [
            "DROP INDEX recommendations_mechanism",
            "DROP INDEX recommendations_body",
            "DROP INDEX recommendations_text_key",
            "DROP INDEX recommendations_annotation",
            "ALTER TABLE recommendations DROP COLUMN indexed_date",
            "ALTER TABLE recommendations DROP COLUMN publication_date",
            "ALTER TABLE recommendations DROP COLUMN regions_concerned",
            "ALTER TABLE recommendations DROP COLUMN states_concerned",
            "ALTER TABLE recommendations DROP COLUMN position_as_given",
            "ALTER TABLE recommendations DROP COLUMN recommending_body",
            "ALTER TABLE recommendations DROP COLUMN text_key",
            "ALTER TABLE recommendations DROP COLUMN annotation_id",
        ]
    }
}
