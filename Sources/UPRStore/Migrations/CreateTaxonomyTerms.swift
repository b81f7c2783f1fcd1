/// Terms of every taxonomy (clusters, sub-themes, UPR Info issues, OHCHR themes, affected persons, SDGs and
/// targets). `cluster` maps a term to the seed cluster whose working group follows it.
struct CreateTaxonomyTerms: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            """
            CREATE TABLE taxonomy_terms (
                \(idColumn(kind)),
                taxonomy TEXT NOT NULL,
                code TEXT NOT NULL,
                name TEXT NOT NULL,
                cluster TEXT,
                parent_code TEXT,
                position INTEGER NOT NULL,
                UNIQUE (taxonomy, code)
            )
            """
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] { ["DROP TABLE taxonomy_terms"] }
}
