import UPRDomain

/// What the grouping needs to know about one recommendation besides its similarity to others.
public struct RecurrenceItem: Sendable, Hashable {
    /// The id used in the similarity index.
    public var id: Int
    /// State under review; recurrence is only looked for within one state.
    public var stateUnderReview: String
    /// Recommending states (one per UPR Info row; several for a joint recommendation).
    public var recommendingStates: [String]
    /// UPR cycle, when known.
    public var cycle: Int?
    /// The mechanism that made it.
    public var mechanism: Mechanism

    /// Creates an item.
    public init(
        id: Int, stateUnderReview: String, recommendingStates: [String], cycle: Int?, mechanism: Mechanism = .upr
    ) {
        self.id = id
        self.stateUnderReview = stateUnderReview
        self.recommendingStates = recommendingStates
        self.cycle = cycle
        self.mechanism = mechanism
    }
}

/// Why a group of similar recommendations counts as recurring.
public enum RecurrenceKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// Made to the same state in more than one cycle.
    case acrossCycles = "across-cycles"
    /// Made by more than one recommending state.
    case severalStates = "several-states"
    /// Made by more than one mechanism (UPR, treaty bodies, special procedures).
    case severalMechanisms = "several-mechanisms"
}

/// Recommendations to one state that are the same or nearly the same, and why that matters.
public struct RecurrenceGroup: Sendable, Hashable, Codable {
    /// State under review.
    public var stateUnderReview: String
    /// Member ids, ascending.
    public var ids: [Int]
    /// Cycles the members were made in, ascending.
    public var cycles: [Int]
    /// Recommending states, sorted.
    public var recommendingStates: [String]
    /// Mechanisms, in declaration order.
    public var mechanisms: [Mechanism]
    /// The ways the group recurs; never empty.
    public var kinds: [RecurrenceKind]

    /// True when the recommendation was made in the first cycle and again later: "recurring since the first
    /// cycle".
    public var recurringSinceFirstCycle: Bool { cycles.first == 1 && cycles.count > 1 }
}

/// Groups recommendations connected by similar pairs (single linkage) within each state under review.
public enum RecurrenceGrouping {
    /// Groups of two or more items linked by `pairs` (ids as in `items`) that recur in at least one way,
    /// ordered by state, then smallest id.
    public static func groups(items: [RecurrenceItem], pairs: [SimilarPair]) -> [RecurrenceGroup] {
        var position: [Int: Int] = [:]
        for (index, item) in items.enumerated() where position[item.id] == nil { position[item.id] = index }
        var parent = Array(items.indices)
        func root(_ node: Int) -> Int {
            var node = node
            while parent[node] != node {
                parent[node] = parent[parent[node]]
                node = parent[node]
            }
            return node
        }
        for pair in pairs {
            guard let a = position[pair.first], let b = position[pair.second],
                items[a].stateUnderReview == items[b].stateUnderReview
            else { continue }
            let (ra, rb) = (root(a), root(b))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        var members: [Int: [Int]] = [:]
        for index in items.indices { members[root(index), default: []].append(index) }
        var groups: [RecurrenceGroup] = []
        for (_, indices) in members where indices.count > 1 {
            let group = indices.map { items[$0] }
            let cycles = Set(group.compactMap(\.cycle)).sorted()
            let states = Set(group.flatMap(\.recommendingStates)).sorted()
            let mechanisms = Mechanism.allCases.filter { mechanism in group.contains { $0.mechanism == mechanism } }
            var kinds: [RecurrenceKind] = []
            if cycles.count > 1 { kinds.append(.acrossCycles) }
            if states.count > 1 { kinds.append(.severalStates) }
            if mechanisms.count > 1 { kinds.append(.severalMechanisms) }
            guard !kinds.isEmpty else { continue }
            groups.append(
                RecurrenceGroup(
                    stateUnderReview: group[0].stateUnderReview, ids: group.map(\.id).sorted(), cycles: cycles,
                    recommendingStates: states, mechanisms: mechanisms, kinds: kinds))
        }
        return groups.sorted {
            ($0.stateUnderReview, $0.ids[0]) < ($1.stateUnderReview, $1.ids[0])
        }
    }
}
