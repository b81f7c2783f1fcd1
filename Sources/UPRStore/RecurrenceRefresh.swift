import Foundation
import SQLKit
import UPRDomain
import UPRText

/// Recomputes the stored recurrence groups of some states: the same or nearly the same recommendation (cosine of
/// at least `threshold` between TF-IDF vectors over the state's own recommendations) made to one state again in
/// another cycle or by another mechanism (`RecurrenceKind.acrossCycles`, `.severalMechanisms`).
///
/// Each state is its own corpus, so a state's groups depend only on its recommendations: an import recomputes the
/// states it touched and leaves every other state's groups exactly as a full recomputation would make them. A state
/// whose recommendations all come from one cycle and one mechanism cannot have any, so its texts are not even tokenized,
/// which keeps the import of a large file cheap. Voluntary pledges are left out: a state repeating its own pledge is
/// not a recommendation made again.
public struct RecurrenceRefresh: Sendable {
    /// Cosine at which two recommendations count as the same one made again.
    public static let threshold = 0.8

    /// What the grouping needs of one recommendation.
    struct Member: Sendable {
        var id: Int
        var stateID: Int
        var text: String
        var cycle: Int?
        var mechanism: Mechanism
        var recommendingStates: [String]
    }

    /// A group as stored: the id is its smallest member's id.
    struct StoredGroup: Sendable, Equatable {
        var stateID: Int
        var memberIDs: [Int]
        var kinds: [RecurrenceKind]
        var cycles: [Int]
        var mechanisms: [Mechanism]

    }

    let states: Set<Int>
    let work: Task<[StoredGroup], Never>?

    /// Groups made again among each state's members (any order), by state then smallest id.
    static func groups(_ members: [Member]) -> [StoredGroup] {
        var byState: [Int: [Member]] = [:]
        for member in members { byState[member.stateID, default: []].append(member) }
        var out: [StoredGroup] = []
        for stateID in byState.keys.sorted() {
            let members = byState[stateID]!.sorted { $0.id < $1.id }
            guard Set(members.compactMap(\.cycle)).count > 1 || Set(members.map(\.mechanism)).count > 1 else {
                continue
            }
            let index = SimilarityIndex(members.map { ($0.id, $0.text) })
            let items = members.map {
                RecurrenceItem(
                    id: $0.id, stateUnderReview: String(stateID), recommendingStates: $0.recommendingStates,
                    cycle: $0.cycle, mechanism: $0.mechanism)
            }
            for group in RecurrenceGrouping.groups(items: items, pairs: index.allPairs(threshold: threshold))
            where group.kinds.contains(.acrossCycles) || group.kinds.contains(.severalMechanisms) {
                out.append(
                    StoredGroup(
                        stateID: stateID, memberIDs: group.ids, kinds: group.kinds, cycles: group.cycles,
                        mechanisms: group.mechanisms))
            }
        }
        return out
    }

    /// Starts recomputing `states` for an import: the rows already stored for them (with `pending` records' new
    /// values in place of the stored ones, by natural key) plus `created` (nil for records left out), whose ids are
    /// not known yet. The work runs on another core while the import writes its rows; `finish` stores it.
    static func begin(
        states: Set<Int>, pending: [String: Member], created: [Member?], on sql: any SQLDatabase
    ) async throws -> RecurrenceRefresh {
        guard !states.isEmpty else { return RecurrenceRefresh(states: [], work: nil) }
        var members: [Member] = []
        for (key, member) in try await stored(states: states, on: sql) {
            guard var replacement = pending[key] else {
                members.append(member)
                continue
            }
            replacement.id = member.id
            members.append(replacement)
        }
        // Records not written yet get stand-in ids below zero: -1 for the first created record, and so on.
        for (position, member) in created.enumerated() {
            guard var placeholder = member else { continue }
            placeholder.id = -(position + 1)
            members.append(placeholder)
        }
        let snapshot = members
        return RecurrenceRefresh(
            states: states, work: Task.detached(priority: .utility) { groups(snapshot) })
    }

    /// Waits for the groups and stores them; `createdIDs[i]` is the id of the record that stood in as `-(i + 1)`.
    func finish(createdIDs: [Int], on sql: any SQLDatabase) async throws {
        guard let work else { return }
        let groups = await work.value.map { group in
            var group = group
            group.memberIDs = group.memberIDs.map { $0 < 0 ? createdIDs[-$0 - 1] : $0 }.sorted()
            return group
        }
        try await Self.store(groups, replacing: states, on: sql)
    }

    /// Recomputes every state's groups (after an upgrade, say); returns how many groups there are.
    public static func refreshAll(on sql: any SQLDatabase) async throws -> Int {
        let states = try await sql.raw("SELECT id FROM states").all().map { try $0.decode(column: "id", as: Int.self) }
        let groups = groups(try await stored(states: Set(states), on: sql).map { $0.member })
        try await store(groups, replacing: Set(states), on: sql)
        return groups.count
    }

    /// The stored recommendations of `states`, with their natural keys.
    static func stored(states: Set<Int>, on sql: any SQLDatabase) async throws -> [(key: String, member: Member)] {
        var out: [(String, Member)] = []
        for chunk in states.sorted().chunked(into: BulkInsert.chunk) {
            let rows = try await sql.raw(
                """
                SELECT id, natural_key, state_id, text, cycle, mechanism, recommending_states FROM recommendations
                WHERE kind = 'recommendation' AND state_id IN (\(binds: Array(chunk)))
                """
            ).all()
            for row in rows {
                let states = try row.decode(column: "recommending_states", as: String.self)
                out.append(
                    (
                        try row.decode(column: "natural_key", as: String.self),
                        Member(
                            id: try row.decode(column: "id", as: Int.self),
                            stateID: try row.decode(column: "state_id", as: Int.self),
                            text: try row.decode(column: "text", as: String.self),
                            cycle: try row.decode(column: "cycle", as: Int?.self),
                            mechanism: Mechanism(rawValue: try row.decode(column: "mechanism", as: String.self))
                                ?? .upr,
                            recommendingStates: states.isEmpty ? [] : states.components(separatedBy: "; "))
                    ))
            }
        }
        return out
    }

    /// Replaces the stored groups of `states` with `groups`.
    static func store(_ groups: [StoredGroup], replacing states: Set<Int>, on sql: any SQLDatabase) async throws {
        for chunk in states.sorted().chunked(into: BulkInsert.chunk) {
            try await sql.raw("DELETE FROM recurrence_members WHERE state_id IN (\(binds: Array(chunk)))").run()
            try await sql.raw("DELETE FROM recurrence_groups WHERE state_id IN (\(binds: Array(chunk)))").run()
        }
        var groupRows: [[any Encodable & Sendable]] = []
        var memberRows: [[any Encodable & Sendable]] = []
        for group in groups {
            let id = group.memberIDs[0]
            groupRows.append([
                // Only groups made again are stored now; the column stays for databases made before that.
                id, group.stateID, group.kinds.map(\.rawValue).joined(separator: ","), 1,
                group.cycles.map(String.init).joined(separator: ","),
                group.mechanisms.map(\.rawValue).joined(separator: ","), group.memberIDs.count,
            ])
            for member in group.memberIDs { memberRows.append([member, id, group.stateID]) }
        }
        try await BulkInsert.rows(
            into: "recurrence_groups",
            columns: ["id", "state_id", "kinds", "made_again", "cycles", "mechanisms", "member_count"], groupRows,
            on: sql)
        try await BulkInsert.rows(
            into: "recurrence_members", columns: ["recommendation_id", "group_id", "state_id"], memberRows, on: sql)
    }
}
