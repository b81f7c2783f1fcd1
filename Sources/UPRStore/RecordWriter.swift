import FluentKit
import Foundation
import SQLKit
import SQLiteKit
import UPRDomain

/// Writes imported records: new ones are inserted, changed ones updated, unchanged ones left alone, all of it in
/// one transaction so that a failure leaves the database as it was. Rows go in multi-row statements because one
/// statement per row costs more in round trips than the work itself.
public enum RecordWriter {
    /// Writes every batch in one transaction and returns what each changed.
    /// `progress` is called with (records done, records in all batches) as the writing goes on.
    public static func write(
        _ batches: [ImportBatch], actor: String, on database: any Database,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> [ImportSummary] {
        try await write(sources: batches.map(ImportSource.parsed), actor: actor, on: database, progress: progress)
    }

    /// Writes every file in one transaction, reading streamed ones as it goes, and returns what each changed.
    public static func write(
        sources batches: [ImportSource], actor: String, on database: any Database,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> [ImportSummary] {
        guard database is any SQLiteDatabase, !database.inTransaction else {
            return try await writeInTransaction(batches, actor: actor, on: database, progress: progress)
        }
        // SQLite checks a foreign key on every row it inserts, a B-tree search into the parent each time; the
        // writer takes every parent id from the database itself, so the import turns the per-row checks off for
        // its transaction and checks every key once at the end instead (BulkLoad.checkForeignKeys), which costs
        // a fraction. The setting only takes effect outside a transaction, so it is made on the connection first.
        return try await database.withConnection { connection in
            let sql = try connection.sql()
            try await sql.raw("PRAGMA foreign_keys = OFF").run()
            do {
                let summaries = try await writeInTransaction(
                    batches, actor: actor, on: connection, progress: progress)
                try await sql.raw("PRAGMA foreign_keys = ON").run()
                return summaries
            } catch {
                try? await sql.raw("PRAGMA foreign_keys = ON").run()
                throw error
            }
        }
    }

    private static func writeInTransaction(
        _ batches: [ImportSource], actor: String, on database: any Database,
        progress: (@Sendable (Int, Int) -> Void)?
    ) async throws -> [ImportSummary] {
        try await database.transaction { transaction in
            let sql = try transaction.sql()
            let writer = try await RecordWriterSession(sql: sql)
            writer.progress = progress
            writer.total = batches.reduce(0) {
                guard case .parsed(let batch) = $1 else { return $0 }
                return $0 + batch.records.count
            }
            // Indexes are deferred for the first file only: later files update rows, which needs them.
            let bulkLoad = batches.isEmpty ? BulkLoad() : try await BulkLoad.begin(sql)
            var summaries: [ImportSummary] = []
            for (index, source) in batches.enumerated() {
                switch source {
                case .parsed(let batch): summaries.append(try await writer.write(batch, actor: actor))
                case .streamed(let path, let fileName):
                    summaries.append(try await writer.writeStream(path: path, fileName: fileName, actor: actor))
                }
                if index == 0 { try await bulkLoad.finish(sql) }
            }
            try await writer.refreshDeferredRecurrence()
            try await bulkLoad.checkForeignKeys(sql)
            try await bulkLoad.refreshStatistics(sql)
            try await bulkLoad.restore(sql)
            return summaries
        }
    }
}

/// One transaction's worth of writing, with the lookups (states, reviews, terms) it has already resolved.
final class RecordWriterSession {
    let sql: any SQLDatabase
    let kind: DatabaseKind
    private var stateIDs: [String: Int] = [:]
    private var reviewIDs: [String: Int] = [:]
    private var termIDs: [String: Int] = [:]
    var progress: (@Sendable (Int, Int) -> Void)?
    var total = 0
    private(set) var done = 0

    private func advance(_ count: Int) {
        done += count
        progress?(done, total)
    }

    static let chunk = BulkInsert.chunk
    /// States whose recurrence groups a streamed file works out at a time.
    static let recurrenceStates = 8

    init(sql: any SQLDatabase) async throws {
        self.sql = sql
        self.kind = DatabaseKind(sql)
        if kind == .postgres {
            // Two imports at once must not both decide that the same natural key is new.
            try await sql.raw("LOCK TABLE recommendations IN SHARE ROW EXCLUSIVE MODE").run()
        }
        registryEmpty =
            try await sql.raw("SELECT COUNT(*) AS n FROM (SELECT 1 FROM recommendations LIMIT 1) AS one").first()?
            .decode(column: "n", as: Int.self) == 0
        for row in try await sql.raw("SELECT id, name FROM states").all() {
            stateIDs[try row.decode(column: "name", as: String.self)] = try row.decode(column: "id", as: Int.self)
        }
        for row in try await sql.raw("SELECT id, taxonomy, code FROM taxonomy_terms").all() {
            let key =
                try row.decode(column: "taxonomy", as: String.self) + "|"
                + row.decode(column: "code", as: String.self)
            termIDs[key] = try row.decode(column: "id", as: Int.self)
        }
        if !registryEmpty { try await backfillTextKeys() }
    }

    /// Whether no recommendation existed before this transaction (checked once; false after the first batch).
    private var registryEmpty = false

    func write(_ batch: ImportBatch, actor: String) async throws -> ImportSummary {
        var file = try await begin(
            fileName: batch.fileName, format: batch.format, sha256: batch.sha256, actor: actor)
        file.summary.warnings = batch.warnings
        try await writeRecords(batch.records, into: &file, actor: actor)
        return try await finish(&file, sha256: batch.sha256, rowsRead: batch.rowsRead, actor: actor)
    }

    /// Starts writing one file: its `imports` row, whose counts (and, for a streamed file, hash) `finish` fills in.
    func begin(fileName: String, format: String, sha256: String, actor: String) async throws -> FileWrite {
        let startedAt = Timestamp.string(Date())
        let importID = try await insertReturningID(
            into: "imports",
            columns: [
                "file_name", "format", "sha256", "rows_read", "created_count", "updated_count", "unchanged_count",
                "actor", "started_at", "finished_at",
            ],
            values: [fileName, format, sha256, 0, 0, 0, 0, actor, startedAt, startedAt])
        return FileWrite(
            importID: importID,
            summary: ImportSummary(
                importID: importID, fileName: fileName, format: format, rowsRead: 0, created: 0, updated: 0,
                unchanged: 0))
    }

    /// Writes some of a file's records (all of them, or one chunk of a streamed file).
    func writeRecords(_ batchRecords: [RecommendationRecord], into file: inout FileWrite, actor: String) async throws {
        // Later rows of the same natural key within one file refine the earlier ones; keep the last.
        // The keys cost a text normalisation: work them out once per record, on every core.
        let keys = await Self.keys(of: batchRecords)
        // Indices, not records, go through the dictionary: a record is copied once, into `records`.
        var slotOfKey: [String: Int] = [:]
        slotOfKey.reserveCapacity(keys.count)
        var chosen: [Int] = []  // per distinct key, in first-seen order: the index of its last record
        for (index, key) in keys.enumerated() {
            if let slot = slotOfKey[key.natural] {
                chosen[slot] = index
            } else {
                slotOfKey[key.natural] = chosen.count
                chosen.append(index)
            }
        }
        let records = chosen.map { batchRecords[$0] }
        let recordKeys = chosen.map { keys[$0] }

        try await ensureStates(records)
        try await ensureReviews(records)
        try await ensureTerms(records, added: &file.summary.termsAdded)
        // A registry that was empty before this import has nothing to compare with: 29,000 keys need no lookup;
        // only the rows this file created in earlier chunks can match.
        let matches =
            registryEmpty
            ? recordKeys.map { file.createdHere[$0.natural] }
            : try await match(records, keys: recordKeys, createdHere: file.createdHere)

        var created: [RecommendationRecord] = []
        var createdKeys: [RecordKeys] = []
        var changed: [(row: StoredMatch, record: RecommendationRecord, keys: RecordKeys)] = []
        var unchanged: [(id: Int, record: RecommendationRecord)] = []
        for (index, record) in records.enumerated() {
            if let row = matches[index] {
                if row.hash == RecordFingerprint.of(record) {
                    unchanged.append((row.id, record))
                } else {
                    changed.append((row, record, recordKeys[index]))
                }
            } else {
                created.append(record)
                createdKeys.append(recordKeys[index])
            }
        }

        // Classifier suggestions for the new and changed records the source left unlabelled (loads the model only
        // if there is one), and the recurrence groups of the states they belong to, worked out on another core
        // while the rows are written. A streamed file's groups are worked out once, at its end.
        let suggestions = try MachineSuggestions.suggest(created + changed.map { $0.record })
        let recurrence: RecurrenceRefresh
        if file.defersRecurrence {
            for record in created + changed.map(\.record) where record.kind == .recommendation {
                if let id = stateIDs[record.stateUnderReview] { deferredRecurrenceStates.insert(id) }
            }
            recurrence = RecurrenceRefresh(states: [], work: nil)
        } else {
            recurrence = try await beginRecurrence(
                created: created, changed: changed.map { ($0.row.id, $0.row.response, $0.record) })
        }

        let now = Timestamp.string(Date())
        let createdIDs = try await insertRecommendations(
            created, keys: createdKeys, suggestions: suggestions, now: now)
        let createdPairs = zip(createdIDs, created).map { ($0, $1) }
        try await insertChildren(
            createdPairs, suggestions: suggestions, importID: file.importID, actor: actor, now: now)
        for (offset, item) in changed.enumerated() {
            try await update(
                item.row, record: item.record, keys: item.keys, suggestion: suggestions[created.count + offset],
                importID: file.importID, actor: actor, now: now)
        }
        try await addMissingProvenance(unchanged, importID: file.importID)
        try await recurrence.finish(createdIDs: createdIDs, on: sql)
        advance(changed.count + unchanged.count)

        if file.tracksCreated {
            for (id, (record, keys)) in zip(createdIDs, zip(created, createdKeys)) {
                file.createdHere[keys.natural] = StoredMatch(
                    id: id, hash: RecordFingerprint.of(record), response: record.response.rawValue)
            }
        }
        file.summary.created += created.count
        file.summary.updated += changed.count
        file.summary.unchanged += unchanged.count
        file.updatedIDs.append(contentsOf: changed.map(\.row.id))
        for record in created { file.summary.states[record.stateUnderReview, default: .init()].created += 1 }
        for item in changed { file.summary.states[item.record.stateUnderReview, default: .init()].updated += 1 }
        for item in unchanged { file.summary.states[item.record.stateUnderReview, default: .init()].unchanged += 1 }
    }

    /// The states whose recurrence groups streamed files left for the end of the transaction.
    private var deferredRecurrenceStates: Set<Int> = []

    /// Works out the recurrence groups the streamed files deferred, once their rows and the indexes are in. A few
    /// states at a time, so that memory holds their texts and similarity index and not all of them: a full UHRI
    /// export has 267,548 records of nearly two hundred states.
    func refreshDeferredRecurrence() async throws {
        for states in deferredRecurrenceStates.sorted().chunked(into: Self.recurrenceStates) {
            try await RecurrenceRefresh.begin(states: Set(states), pending: [:], created: [], on: sql)
                .finish(createdIDs: [], on: sql)
        }
        deferredRecurrenceStates = []
    }

    /// Ends one file: its counts and the audit entry.
    func finish(_ file: inout FileWrite, sha256: String, rowsRead: Int, actor: String) async throws -> ImportSummary {
        defer { registryEmpty = false }
        file.summary.rowsRead = rowsRead
        let summary = file.summary
        let finishedAt = Timestamp.string(Date())
        try await sql.update("imports")
            .set("sha256", to: sha256)
            .set("rows_read", to: rowsRead)
            .set("created_count", to: summary.created)
            .set("updated_count", to: summary.updated)
            .set("unchanged_count", to: summary.unchanged)
            .set("finished_at", to: finishedAt)
            .where("id", .equal, file.importID)
            .run()
        var details = [
            "file": summary.fileName, "sha256": sha256, "format": summary.format,
            "updatedIDs": file.updatedIDs.map(String.init).joined(separator: ","),
        ]
        if !summary.termsAdded.isEmpty { details["termsAdded"] = summary.termsAdded.joined(separator: "; ") }
        try await AuditLog.append(
            on: sql, actor: actor, action: "import", entity: .`import`, entityID: String(file.importID),
            summary: "Imported \(summary.fileName): \(summary.created) created, \(summary.updated) updated, "
                + "\(summary.unchanged) unchanged",
            details: details)
        return summary
    }

    /// The stored keys of `records`, in order, computed in as many parts as there are cores.
    static func keys(of records: [RecommendationRecord]) async -> [RecordKeys] {
        let parts = records.count < 2_000 ? 1 : max(1, ProcessInfo.processInfo.activeProcessorCount)
        let slices = records.chunked(into: max(1, (records.count + parts - 1) / parts))
        return await withTaskGroup(of: (Int, [RecordKeys]).self) { group in
            for (index, slice) in slices.enumerated() {
                group.addTask { (index, slice.map(RecordKeys.init)) }
            }
            var results = [[RecordKeys]](repeating: [], count: slices.count)
            for await (index, keys) in group { results[index] = keys }
            return results.flatMap { $0 }
        }
    }

    /// Starts recomputing the recurrence groups of the states whose recommendations this batch creates or changes.
    private func beginRecurrence(
        created: [RecommendationRecord], changed: [(id: Int, previousResponse: String, record: RecommendationRecord)]
    ) async throws -> RecurrenceRefresh {
        func member(_ record: RecommendationRecord, id: Int) -> RecurrenceRefresh.Member? {
            guard record.kind == .recommendation, let stateID = stateIDs[record.stateUnderReview] else { return nil }
            return RecurrenceRefresh.Member(
                id: id, stateID: stateID, text: record.text, cycle: record.cycle, mechanism: record.mechanism,
                recommendingStates: record.recommendingStates)
        }
        var pending: [String: RecurrenceRefresh.Member] = [:]
        for item in changed {
            if let member = member(item.record, id: item.id) { pending[item.record.naturalKey] = member }
        }
        // One entry per created record, pledges as nil, so that positions match `createdIDs`.
        let newMembers = created.map { member($0, id: 0) }
        let states = Set(pending.values.map(\.stateID)).union(newMembers.compactMap { $0?.stateID })
        return try await RecurrenceRefresh.begin(states: states, pending: pending, created: newMembers, on: sql)
    }

    // MARK: - Lookups

    private func ensureStates(_ records: [RecommendationRecord]) async throws {
        var groups: [String: String?] = [:]
        var order: [String] = []
        for record in records {
            for name in [record.stateUnderReview] + record.recommendingStates where stateIDs[name] == nil {
                if groups[name] == nil {
                    order.append(name)
                    groups[name] = .some(nil)
                }
                if name == record.stateUnderReview, let group = record.regionalGroup, !group.isEmpty {
                    groups[name] = .some(group)
                }
            }
        }
        let now = Timestamp.string(Date())
        for chunk in order.chunked(into: Self.chunk) {
            let rows = chunk.map { name -> [any Encodable & Sendable] in [name, groups[name] ?? nil, now] }
            let inserted = try await insertReturning(
                into: "states", columns: ["name", "regional_group", "created_at"], rows: rows, returning: "name")
            for (id, name) in inserted { stateIDs[name] = id }
        }
    }

    private static func reviewKey(_ record: RecommendationRecord) -> String {
        record.session.map { "s\($0)" } ?? record.reportSymbol ?? "unknown"
    }

    private func reviewLookupKey(_ record: RecommendationRecord) throws -> String {
        guard let stateID = stateIDs[record.stateUnderReview] else {
            throw StoreError.missingRow("state \(record.stateUnderReview)")
        }
        return "\(stateID)|\(Self.reviewKey(record))"
    }

    private func ensureReviews(_ records: [RecommendationRecord]) async throws {
        if reviewIDs.isEmpty {
            for row in try await sql.raw("SELECT id, state_id, review_key FROM reviews").all() {
                let key =
                    try "\(row.decode(column: "state_id", as: Int.self))|"
                    + row.decode(column: "review_key", as: String.self)
                reviewIDs[key] = try row.decode(column: "id", as: Int.self)
            }
        }
        var missing: [String: RecommendationRecord] = [:]
        var order: [String] = []
        for record in records {
            let key = try reviewLookupKey(record)
            if reviewIDs[key] == nil, missing[key] == nil {
                missing[key] = record
                order.append(key)
            }
        }
        for chunk in order.chunked(into: Self.chunk) {
            let rows = chunk.map { key -> [any Encodable & Sendable] in
                let record = missing[key]!
                return [
                    stateIDs[record.stateUnderReview] ?? 0, Self.reviewKey(record), record.cycle, record.session,
                    record.reportSymbol,
                ]
            }
            // `review_date` is in no import format; it is set by hand or by the demo.
            let inserted = try await insertReturning(
                into: "reviews", columns: ["state_id", "review_key", "cycle", "session", "report_symbol"],
                rows: rows, returning: "review_key", extra: "state_id")
            for (id, composite) in inserted { reviewIDs[composite] = id }
        }
    }

    private func termKey(_ taxonomy: Taxonomy, _ code: String) -> String { taxonomy.rawValue + "|" + code }

    /// The same few hundred names (issues, themes, affected persons) recur on tens of thousands of records.
    private var slugs: [String: String] = [:]
    private func slug(_ name: String) -> String {
        if let known = slugs[name] { return known }
        let made = Slug.make(name)
        slugs[name] = made
        return made
    }

    /// A theme's cluster, worked out once per theme: its keyword rules search the name with Foundation, which
    /// was a fifth of a UHRI import's time when asked again for each of a quarter of a million records.
    private var clusterOfTheme: [OHCHRTheme: Cluster?] = [:]
    private func cluster(of theme: OHCHRTheme) -> Cluster? {
        if let known = clusterOfTheme[theme] { return known }
        let cluster = theme.cluster
        clusterOfTheme[theme] = cluster
        return cluster
    }

    /// The term links a record carries from its source, plus the clusters derived from them.
    private func termLinks(_ record: RecommendationRecord) -> [(key: String, origin: String)] {
        var links: [(String, String)] = []
        var seen = Set<String>()
        func add(_ key: String, _ origin: String) {
            if seen.insert(key).inserted { links.append((key, origin)) }
        }
        for issue in record.issues { add(termKey(.issue, slug(issue)), "source") }
        for theme in record.themes { add(termKey(.theme, theme.code ?? slug(theme.name)), "source") }
        for person in record.affectedPersons { add(termKey(.affectedPersons, slug(person)), "source") }
        for goal in record.sdgs { add(termKey(.sdg, String(goal)), "source") }
        for target in record.sdgTargets { add(termKey(.sdgTarget, target.code), "source") }
        for cluster in record.clusters(themeCluster: cluster(of:)) {
            add(termKey(.cluster, cluster.rawValue), "derived")
        }
        return links
    }

    /// Adds the terms `records` name that the taxonomies lack (SDG goals and targets are all seeded), and lists
    /// each in `added` as `taxonomy: name`.
    private func ensureTerms(_ records: [RecommendationRecord], added: inout [String]) async throws {
        var missing: [(Taxonomy, String, String, String?)] = []
        var seen = Set<String>()
        func want(_ taxonomy: Taxonomy, _ code: String, _ name: String, _ cluster: String?) {
            let key = termKey(taxonomy, code)
            if termIDs[key] == nil, seen.insert(key).inserted { missing.append((taxonomy, code, name, cluster)) }
        }
        for record in records {
            for issue in record.issues {
                want(.issue, slug(issue), issue, UPRInfoIssue.cluster(of: issue)?.rawValue)
            }
            for theme in record.themes {
                let name = theme.code.map { "\($0) \(theme.name)" } ?? theme.name
                want(.theme, theme.code ?? slug(theme.name), name, cluster(of: theme)?.rawValue)
            }
            for person in record.affectedPersons { want(.affectedPersons, slug(person), person, nil) }
        }
        guard !missing.isEmpty else { return }
        added.append(contentsOf: missing.map { "\($0.0.rawValue): \($0.2)" })
        let base =
            try await sql.raw("SELECT COALESCE(MAX(position), 0) AS p FROM taxonomy_terms").first()?
            .decode(column: "p", as: Int.self) ?? 0
        for (offset, chunk) in missing.chunked(into: Self.chunk).enumerated() {
            let rows = chunk.enumerated().map { index, term -> [any Encodable & Sendable] in
                [term.0.rawValue, term.1, term.2, term.3, base + 1 + offset * Self.chunk + index]
            }
            let inserted = try await insertReturning(
                into: "taxonomy_terms", columns: ["taxonomy", "code", "name", "cluster", "position"], rows: rows,
                returning: "code", extra: "taxonomy")
            for (id, composite) in inserted {
                // `extra` puts the taxonomy first: "taxonomy|code".
                termIDs[composite] = id
            }
        }
    }

    /// The stored row each record is, or nil for a new one. A record is its stored row when it carries the row's
    /// UHRI annotation id; else when their natural keys are equal; else when their text keys are equal and one of
    /// them has no paragraph number (UPR Info numbers none), as long as they do not carry two different annotation
    /// ids. Each stored row is claimed by one record at most: a second claimant is another recommendation.
    func match(
        _ records: [RecommendationRecord], keys: [RecordKeys], createdHere: [String: StoredMatch]
    ) async throws -> [StoredMatch?] {
        struct Row {
            var match: StoredMatch
            var naturalKey: String
            var textKey: String?
            var paragraph: String?
            var annotationID: String?
        }
        func rows(_ column: String, _ values: [String]) async throws -> [Row] {
            var out: [Row] = []
            for chunk in values.chunked(into: Self.chunk) {
                let found = try await sql.raw(
                    """
                    SELECT id, natural_key, text_key, paragraph, annotation_id, content_hash, response
                    FROM recommendations WHERE \(ident: column) IN (\(binds: Array(chunk)))
                    """
                ).all()
                for row in found {
                    let paragraph = try row.decode(column: "paragraph", as: String?.self)
                    out.append(
                        Row(
                            match: StoredMatch(
                                id: try row.decode(column: "id", as: Int.self),
                                hash: try row.decode(column: "content_hash", as: String.self),
                                response: try row.decode(column: "response", as: String.self),
                                hasParagraph: !(paragraph ?? "").isEmpty),
                            naturalKey: try row.decode(column: "natural_key", as: String.self),
                            textKey: try row.decode(column: "text_key", as: String?.self), paragraph: paragraph,
                            annotationID: try row.decode(column: "annotation_id", as: String?.self)))
                }
            }
            return out
        }
        var result = [StoredMatch?](repeating: nil, count: records.count)
        var claimed = Set<Int>()
        // A row found by annotation id or natural key is that record's whatever else claimed it (a record whose
        // natural key a stored row holds cannot be created anew); a row found by text goes to one record only.
        func claim(_ index: Int, _ match: StoredMatch, exclusive: Bool = false) {
            guard result[index] == nil else { return }
            guard claimed.insert(match.id).inserted || !exclusive else { return }
            result[index] = match
        }

        let annotated = records.indices.filter { records[$0].annotationID != nil }
        if !annotated.isEmpty {
            let found = try await rows("annotation_id", annotated.map { "\(records[$0].annotationID!)" })
            let byID = Dictionary(found.map { ($0.annotationID ?? "", $0.match) }, uniquingKeysWith: { a, _ in a })
            for index in annotated {
                if let match = byID["\(records[index].annotationID!)"] { claim(index, match) }
            }
        }
        var open = records.indices.filter { result[$0] == nil }
        for index in open {
            if let match = createdHere[keys[index].natural] { claim(index, match) }
        }
        open = open.filter { result[$0] == nil }
        if !open.isEmpty {
            let found = try await rows("natural_key", open.map { keys[$0].natural })
            let byKey = Dictionary(found.map { ($0.naturalKey, $0.match) }, uniquingKeysWith: { a, _ in a })
            for index in open {
                if let match = byKey[keys[index].natural] { claim(index, match) }
            }
        }
        open = open.filter { result[$0] == nil }
        if !open.isEmpty {
            let found = try await rows("text_key", open.map { keys[$0].text })
            var byText: [String: [Row]] = [:]
            for row in found { byText[row.textKey ?? "", default: []].append(row) }
            for index in open {
                let record = records[index]
                let recordHasParagraph = !(record.paragraph ?? "").isEmpty
                let candidate = byText[keys[index].text]?.first { row in
                    let oneLacksParagraph = !recordHasParagraph || (row.paragraph ?? "").isEmpty
                    let sameAnnotation =
                        row.annotationID == nil || record.annotationID == nil
                        || row.annotationID == "\(record.annotationID!)"
                    return oneLacksParagraph && sameAnnotation && !claimed.contains(row.match.id)
                }
                if var match = candidate?.match {
                    match.byText = true
                    claim(index, match, exclusive: true)
                }
            }
        }
        return result
    }

    /// Gives rows written before text keys existed theirs, so that a later file can match them by text.
    func backfillTextKeys() async throws {
        let missing = try await sql.raw("SELECT 1 AS one FROM recommendations WHERE text_key IS NULL LIMIT 1").all()
        guard !missing.isEmpty else { return }
        let rows = try await sql.raw(
            """
            SELECT r.id, s.name, r.session, v.report_symbol, r.kind, r.text FROM recommendations r
            JOIN states s ON s.id = r.state_id JOIN reviews v ON v.id = r.review_id WHERE r.text_key IS NULL
            """
        ).all()
        for row in rows {
            let record = RecommendationRecord(
                kind: RecordKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .recommendation,
                stateUnderReview: try row.decode(column: "name", as: String.self),
                session: try row.decode(column: "session", as: Int?.self),
                reportSymbol: try row.decode(column: "report_symbol", as: String?.self),
                text: try row.decode(column: "text", as: String.self), recommendingStates: [], response: .pending)
            try await sql.update("recommendations")
                .set("text_key", to: StoredKey.of(record.textKey))
                .where("id", .equal, try row.decode(column: "id", as: Int.self))
                .run()
        }
    }

    // MARK: - Writing

    private static let recommendationColumns = [
        "review_id", "state_id", "kind", "cycle", "session", "paragraph", "natural_key", "text", "response",
        "response_source", "action_category", "action_category_origin", "action_category_confidence", "mechanism",
        "recommending_states", "content_hash", "version", "created_at", "updated_at", "text_key", "annotation_id",
        "recommending_body", "position_as_given", "states_concerned", "regions_concerned", "publication_date",
        "indexed_date",
    ]

    /// A list column's value: the names joined like `recommending_states`, or NULL for none.
    private static func list(_ values: [String]) -> String? {
        values.isEmpty ? nil : values.joined(separator: "; ")
    }

    /// The action category to store, with who set it: the source's, else the classifier's suggestion.
    private static func actionCategory(_ record: RecommendationRecord, _ suggestion: MachineLabels?) -> (
        value: Int?, origin: String?, confidence: Double?
    ) {
        if let category = record.actionCategory { return (category.rawValue, "source", nil) }
        if let action = suggestion?.action { return (action.category.rawValue, "machine", action.confidence) }
        return (nil, nil, nil)
    }

    private func insertRecommendations(
        _ records: [RecommendationRecord], keys recordKeys: [RecordKeys], suggestions: [Int: MachineLabels],
        now: String
    ) async throws -> [Int] {
        var ids: [Int] = []
        ids.reserveCapacity(records.count)
        let keys = recordKeys.map(\.natural)
        let chunks = Array(zip(records.indices, keys)).chunked(into: Self.chunk)
        func rows(_ chunk: ArraySlice<(Int, String)>) throws -> [[any Encodable & Sendable]] {
            try chunk.map { position, key -> [any Encodable & Sendable] in
                let record = records[position]
                let action = Self.actionCategory(record, suggestions[position])
                return [
                    reviewIDs[try reviewLookupKey(record)] ?? 0, stateIDs[record.stateUnderReview] ?? 0,
                    record.kind.rawValue, record.cycle, record.session, record.paragraph, key,
                    record.text, record.response.rawValue, record.responseSource, action.value, action.origin,
                    action.confidence, record.mechanism.rawValue, record.recommendingStates.joined(separator: "; "),
                    RecordFingerprint.of(record), 1, now, now, recordKeys[position].text,
                    record.annotationID.map { "\($0)" }, record.recommendingBody, record.positionAsGiven,
                    Self.list(record.statesConcerned), Self.list(record.regionsConcerned),
                    record.publicationDate.map { "\($0)" }, record.indexedDate.map { "\($0)" },
                ]
            }
        }
        // RETURNING order is not guaranteed by SQL, so ids are mapped back through the natural key.
        func collect(_ inserted: [(Int, String)], _ chunk: ArraySlice<(Int, String)>) throws {
            let idByKey = Dictionary(inserted.map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            for (_, key) in chunk {
                guard let id = idByKey[key] else { throw StoreError.missingRow("inserted recommendation \(key)") }
                ids.append(id)
            }
            advance(chunk.count)
        }
        guard let lite = sql as? any SQLiteDatabase else {
            for chunk in chunks {
                try collect(
                    try await insertReturning(
                        into: "recommendations", columns: Self.recommendationColumns, rows: rows(chunk),
                        returning: "natural_key"), chunk)
            }
            return ids
        }
        // SQLite has one writer, and this transaction has written already (its `imports` row), so nobody else can
        // insert before it commits: the ids are chosen here, one past the largest ever used (AUTOINCREMENT's own
        // rule), and nothing needs reading back. The next chunk's rows are built while the previous one is written.
        let base =
            try await lite.query(
                """
                SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'recommendations'), 0),
                           COALESCE((SELECT MAX(id) FROM recommendations), 0)) AS base
                """, []
            ).first?.column("base")?.integer ?? 0
        var pipeline = StatementPipeline(lite)
        do {
            for chunk in chunks {
                let first = base + ids.count + 1
                let numbered = try rows(chunk).enumerated().map { offset, row in [first + offset] + row }
                _ = try await pipeline.send(
                    BulkInsert.sqliteInsert("recommendations", ["id"] + Self.recommendationColumns, rows: chunk.count),
                    BulkInsert.sqliteBinds(numbered[...]))
                ids.append(contentsOf: first..<(first + chunk.count))
                advance(chunk.count)
            }
            _ = try await pipeline.drain()
        } catch {
            await pipeline.abandon()
            throw error
        }
        return ids
    }

    private static let childTables: [(table: String, columns: [String])] = [
        ("recommending_states", ["recommendation_id", "position", "state_id"]),
        ("recommendation_terms", ["recommendation_id", "term_id", "origin", "confidence"]),
        ("provenance", ["recommendation_id", "import_id", "file_name", "row_number"]),
        (
            "response_events",
            ["recommendation_id", "response", "effective_date", "source", "recorded_at", "recorded_by"]
        ),
    ]

    /// The rows of the child tables (in `childTables` order) for some new records. `items` keeps its positions in
    /// the batch's new records, which are the keys of `suggestions`.
    private func childRows(
        _ items: ArraySlice<(Int, RecommendationRecord)>, suggestions: [Int: MachineLabels], importID: Int,
        actor: String, now: String
    ) -> [[[any Encodable & Sendable]]] {
        var states: [[any Encodable & Sendable]] = []
        var terms: [[any Encodable & Sendable]] = []
        var provenance: [[any Encodable & Sendable]] = []
        var responses: [[any Encodable & Sendable]] = []
        for index in items.indices {
            let (id, record) = items[index]
            for (position, name) in record.recommendingStates.enumerated() {
                states.append([id, position, stateIDs[name] ?? 0])
            }
            for link in termLinks(record) {
                guard let termID = termIDs[link.key] else { continue }
                terms.append([id, termID, link.origin, nil as Double?])
            }
            // A new record has no person's labels or rejections yet, so its suggestions go in as they are.
            for link in suggestions[index]?.termLinks ?? [] {
                guard let termID = termIDs[link.key] else { continue }
                terms.append([id, termID, "machine", link.confidence])
            }
            for place in record.provenance {
                provenance.append([id, importID, place.file, place.row])
            }
            responses.append([id, record.response.rawValue, nil as String?, record.responseSource, now, actor])
        }
        return [states, terms, provenance, responses]
    }

    private func insertChildren(
        _ items: [(Int, RecommendationRecord)], suggestions: [Int: MachineLabels], importID: Int, actor: String,
        now: String
    ) async throws {
        guard let lite = sql as? any SQLiteDatabase else {
            let rows = childRows(items[...], suggestions: suggestions, importID: importID, actor: actor, now: now)
            for (table, rows) in zip(Self.childTables, rows) {
                try await insertRows(into: table.table, columns: table.columns, rows)
            }
            return
        }
        var pipeline = StatementPipeline(lite)
        do {
            // FTS5 flushes its pending terms at the end of every statement, so the index is filled by one
            // statement rather than a chunk at a time. SQLite has one writer and ids only grow: every id from the
            // smallest new one up was created by this import. It runs while the first child rows are built.
            if let first = items.map(\.0).min() {
                _ = try await pipeline.send(
                    "INSERT INTO recommendations_fts (rowid, text) SELECT id, text FROM recommendations WHERE id >= ?",
                    [.integer(first)])
            }
            for slice in items.chunked(into: Self.chunk) {
                let tables = childRows(
                    slice, suggestions: suggestions, importID: importID, actor: actor, now: now)
                for (table, rows) in zip(Self.childTables, tables) {
                    for chunk in rows.chunked(into: Self.chunk) {
                        _ = try await pipeline.send(
                            BulkInsert.sqliteInsert(table.table, table.columns, rows: chunk.count),
                            BulkInsert.sqliteBinds(chunk))
                    }
                }
            }
            _ = try await pipeline.drain()
        } catch {
            await pipeline.abandon()
            throw error
        }
    }

    /// Updates a stored row from a record of another file or a later version of the same one. A source that lacks a
    /// field (UPR Info has no paragraph numbers, annotation ids or SDG targets) leaves what another source stored:
    /// one recommendation can be known from several files, and each adds what it knows.
    private func update(
        _ row: StoredMatch, record: RecommendationRecord, keys: RecordKeys, suggestion: MachineLabels?, importID: Int,
        actor: String, now: String
    ) async throws {
        let id = row.id
        if kind == .sqlite {
            // The full-text index has no copy of the text: its old terms are removed with the old text in hand.
            try await sql.raw(
                """
                INSERT INTO recommendations_fts (recommendations_fts, rowid, text)
                SELECT 'delete', id, text FROM recommendations WHERE id = \(bind: id)
                """
            ).run()
        }
        let hasParagraph = !(record.paragraph ?? "").isEmpty
        // A row found by its text takes the paragraph's natural key once a source gives the number; a row that has
        // a paragraph keeps its key when a source without one (UPR Info) reads it again.
        let naturalKey = row.byText && (hasParagraph || !row.hasParagraph) ? keys.natural : nil
        let states = record.recommendingStates.joined(separator: "; ")
        try await sql.raw(
            """
            UPDATE recommendations SET text = \(bind: record.text),
                paragraph = COALESCE(\(bind: hasParagraph ? record.paragraph : nil), paragraph),
                natural_key = COALESCE(\(bind: naturalKey), natural_key), text_key = \(bind: keys.text),
                response = \(bind: record.response.rawValue), response_source = \(bind: record.responseSource),
                mechanism = \(bind: record.mechanism.rawValue),
                recommending_states = COALESCE(\(bind: states.isEmpty ? nil : states), recommending_states),
                annotation_id = COALESCE(\(bind: record.annotationID.map { "\($0)" }), annotation_id),
                recommending_body = COALESCE(\(bind: record.recommendingBody), recommending_body),
                position_as_given = COALESCE(\(bind: record.positionAsGiven), position_as_given),
                states_concerned = COALESCE(\(bind: Self.list(record.statesConcerned)), states_concerned),
                regions_concerned = COALESCE(\(bind: Self.list(record.regionsConcerned)), regions_concerned),
                publication_date = COALESCE(\(bind: record.publicationDate.map { "\($0)" }), publication_date),
                indexed_date = COALESCE(\(bind: record.indexedDate.map { "\($0)" }), indexed_date),
                content_hash = \(bind: RecordFingerprint.of(record)), version = version + 1, updated_at = \(bind: now)
            WHERE id = \(bind: id)
            """
        ).run()
        // A category a person confirmed or chose stays; the source's or the machine's is replaced.
        let action = Self.actionCategory(record, suggestion)
        try await sql.raw(
            """
            UPDATE recommendations SET action_category = \(bind: action.value),
                action_category_origin = \(bind: action.origin), action_category_confidence = \(bind: action.confidence)
            WHERE id = \(bind: id) AND (action_category_origin IS NULL OR action_category_origin <> 'confirmed')
            """
        ).run()
        if !record.recommendingStates.isEmpty {
            try await sql.delete(from: "recommending_states").where("recommendation_id", .equal, id).run()
            var states: [[any Encodable & Sendable]] = []
            for (position, name) in record.recommendingStates.enumerated() {
                states.append([id, position, stateIDs[name] ?? 0])
            }
            try await insertRows(
                into: "recommending_states", columns: ["recommendation_id", "position", "state_id"], states)
        }
        // The source's links are replaced only in the taxonomies this record speaks to: UHRI's themes and SDG
        // targets do not remove the UPR Info issues of the same recommendation, nor the other way round.
        let links = termLinks(record)
        let taxonomies = Set(links.map { String($0.key.prefix { $0 != "|" }) }).sorted()
        if !taxonomies.isEmpty {
            try await sql.raw(
                """
                DELETE FROM recommendation_terms
                WHERE recommendation_id = \(bind: id) AND origin IN ('source', 'derived')
                  AND term_id IN (SELECT id FROM taxonomy_terms WHERE taxonomy IN (\(binds: taxonomies)))
                """
            ).run()
        }
        try await sql.raw(
            "DELETE FROM recommendation_terms WHERE recommendation_id = \(bind: id) AND origin = 'machine'"
        ).run()
        // A person may have confirmed a term the source now also carries: keep the person's link.
        for link in links {
            guard let termID = termIDs[link.key] else { continue }
            try await sql.raw(
                """
                INSERT INTO recommendation_terms (recommendation_id, term_id, origin)
                VALUES (\(bind: id), \(bind: termID), \(bind: link.origin)) ON CONFLICT DO NOTHING
                """
            ).run()
        }
        if let suggestion, !suggestion.issues.isEmpty {
            try await MachineSuggestions.replaceTerms(of: id, with: suggestion, termIDs: termIDs, on: sql)
        }
        try await insertRows(
            into: "provenance", columns: ["recommendation_id", "import_id", "file_name", "row_number"],
            record.provenance.map { [id, importID, $0.file, $0.row] })
        if row.response != record.response.rawValue {
            try await insertRows(
                into: "response_events",
                columns: ["recommendation_id", "response", "effective_date", "source", "recorded_at", "recorded_by"],
                [[id, record.response.rawValue, nil as String?, record.responseSource, now, actor]])
        }
        if kind == .sqlite {
            try await insertRows(into: "recommendations_fts", columns: ["rowid", "text"], [[id, record.text]])
        }
    }

    /// Records read again from another file gain that file as a source; read again from the same file, nothing.
    private func addMissingProvenance(_ items: [(id: Int, record: RecommendationRecord)], importID: Int) async throws {
        guard !items.isEmpty else { return }
        var known = Set<String>()
        for chunk in items.map(\.id).chunked(into: Self.chunk) {
            let rows = try await sql.raw(
                "SELECT recommendation_id, file_name, row_number FROM provenance WHERE recommendation_id IN (\(binds: Array(chunk)))"
            ).all()
            for row in rows {
                try known.insert(
                    "\(row.decode(column: "recommendation_id", as: Int.self))|"
                        + "\(row.decode(column: "file_name", as: String.self))|"
                        + "\(row.decode(column: "row_number", as: Int.self))")
            }
        }
        var missing: [[any Encodable & Sendable]] = []
        for (id, record) in items {
            for place in record.provenance where !known.contains("\(id)|\(place.file)|\(place.row)") {
                missing.append([id, importID, place.file, place.row])
            }
        }
        try await insertRows(
            into: "provenance", columns: ["recommendation_id", "import_id", "file_name", "row_number"], missing)
    }

    // MARK: - Statements

    private func insertRows(into table: String, columns: [String], _ rows: [[any Encodable & Sendable]]) async throws {
        try await BulkInsert.rows(into: table, columns: columns, rows, on: sql)
    }

    private func insertReturningID(into table: String, columns: [String], values: [any Encodable & Sendable])
        async throws -> Int
    {
        let row = try await sql.insert(into: table).columns(columns).values(values).returning("id").first()
        guard let row else { throw StoreError.missingRow("id of new \(table) row") }
        return try row.decode(column: "id", as: Int.self)
    }

    /// Inserts rows and returns each new id with the value of `returning` (prefixed by `extra` and "|" when given).
    private func insertReturning(
        into table: String, columns: [String], rows: [[any Encodable & Sendable]], returning: String,
        extra: String? = nil
    ) async throws -> [(Int, String)] {
        guard !rows.isEmpty else { return [] }
        if let lite = sql as? any SQLiteDatabase {
            let returned = ["id", returning] + (extra.map { [$0] } ?? [])
            let query =
                BulkInsert.sqliteInsert(table, columns, rows: rows.count) + " RETURNING "
                + returned.joined(separator: ", ")
            return try await lite.query(query, BulkInsert.sqliteBinds(rows[...])).map { row in
                let id = row.column("id")?.integer ?? 0
                let value = row.column(returning)?.string ?? ""
                guard let extra else { return (id, value) }
                let prefix = row.column(extra).map { $0.integer.map(String.init) ?? $0.string ?? "" } ?? ""
                return (id, prefix + "|" + value)
            }
        }
        let insert = sql.insert(into: table).columns(columns)
        for row in rows { insert.values(row) }
        var returned = [SQLColumn("id"), SQLColumn(returning)]
        if let extra { returned.append(SQLColumn(extra)) }
        let result = try await insert.returning(returned).all()
        return try result.map { row in
            let id = try row.decode(column: "id", as: Int.self)
            var value: String
            if let extra {
                let prefix: String
                if let number = try? row.decode(column: extra, as: Int.self) {
                    prefix = String(number)
                } else {
                    prefix = try row.decode(column: extra, as: String.self)
                }
                value = prefix + "|" + (try row.decode(column: returning, as: String.self))
            } else {
                value = try row.decode(column: returning, as: String.self)
            }
            return (id, value)
        }
    }
}
