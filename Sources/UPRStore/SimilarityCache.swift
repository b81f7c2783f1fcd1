import SQLKit
import UPRText

/// A similarity index over every stored recommendation, kept for the life of the process and rebuilt when the
/// corpus changes.
///
/// Texts only change (and recommendations only appear) in an import, and every import adds an `imports` row, so
/// the largest import id and the largest recommendation id name a corpus. Each request reads that version (two
/// index lookups) and rebuilds the index only when it moved; several server instances each keep their own index and
/// each stays right. Concurrent requests during a rebuild wait for the same one.
public actor SimilarityCache {
    /// An index and what the filters need to know about each indexed recommendation.
    public struct Corpus: Sendable {
        public let version: String
        let index: SimilarityIndex
        let facts: [Int: Facts]
    }

    struct Facts: Sendable {
        var stateID: Int
        var cycle: Int?
        var mechanism: String
        /// `recommendation`, `voluntary-pledge` or `concern-observation`: only recommendations are matched across
        /// mechanisms.
        var kind: String
    }

    private var current: Corpus?
    private var building: (version: String, task: Task<Corpus, any Error>)?

    public init() {}

    /// The index for the corpus as it is now in the database.
    public func corpus(on sql: any SQLDatabase) async throws -> Corpus {
        let version = try await Self.version(on: sql)
        if let current, current.version == version { return current }
        if let building, building.version == version { return try await building.task.value }
        let task = Task { try await Self.build(version: version, on: sql) }
        building = (version, task)
        do {
            let corpus = try await task.value
            if building?.version == version { building = nil }
            current = corpus
            return corpus
        } catch {
            if building?.version == version { building = nil }
            throw error
        }
    }

    static func version(on sql: any SQLDatabase) async throws -> String {
        let row = try await sql.raw(
            "SELECT (SELECT MAX(id) FROM imports) AS i, (SELECT MAX(id) FROM recommendations) AS r"
        ).first()
        let imports = try row?.decode(column: "i", as: Int?.self) ?? 0
        let recommendations = try row?.decode(column: "r", as: Int?.self) ?? 0
        return "\(imports)/\(recommendations)"
    }

    private static func build(version: String, on sql: any SQLDatabase) async throws -> Corpus {
        let rows = try await sql.raw(
            "SELECT id, text, state_id, cycle, mechanism, kind FROM recommendations ORDER BY id"
        )
        .all()
        var documents: [(id: Int, text: String)] = []
        var facts: [Int: Facts] = [:]
        documents.reserveCapacity(rows.count)
        facts.reserveCapacity(rows.count)
        for row in rows {
            let id = try row.decode(column: "id", as: Int.self)
            documents.append((id, try row.decode(column: "text", as: String.self)))
            facts[id] = Facts(
                stateID: try row.decode(column: "state_id", as: Int.self),
                cycle: try row.decode(column: "cycle", as: Int?.self),
                mechanism: try row.decode(column: "mechanism", as: String.self),
                kind: try row.decode(column: "kind", as: String.self))
        }
        return Corpus(version: version, index: SimilarityIndex(documents), facts: facts)
    }
}
