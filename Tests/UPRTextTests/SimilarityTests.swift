import Foundation
import Testing
import UPRText

@Suite struct SimilarityTests {
    static let documents = SimilarityCorpus.uprInfoRecommendations(
        try! CSVTable(contentsOf: FixtureData.url("upr-info-excerpt.csv")))
    static let index = SimilarityIndex(documents)

    /// Every pair by brute force: the cosine of the two TF-IDF vectors via a query of each text.
    static func bruteForce(threshold: Double) -> Set<String> {
        var pairs = Set<String>()
        for (position, document) in documents.enumerated() {
            for match in index.query(document.text, top: documents.count) where match.score >= threshold {
                guard let other = documents.firstIndex(where: { $0.id == match.id }), other != position else {
                    continue
                }
                pairs.insert("\(min(position, other))-\(max(position, other))")
            }
        }
        return pairs
    }

    @Test(arguments: [0.3, 0.5, 0.8, 0.95])
    func allPairsEqualsBruteForce(threshold: Double) {
        let rowOfID = Dictionary(uniqueKeysWithValues: Self.documents.enumerated().map { ($0.element.id, $0.offset) })
        let joined = Self.index.allPairs(threshold: threshold)
        let found = Set(joined.map { "\(rowOfID[$0.first]!)-\(rowOfID[$0.second]!)" })
        // Only pairs within 1e-9 of the threshold may differ (rounding of two summation orders).
        let expected = Self.bruteForce(threshold: threshold)
        let nearThreshold = Self.bruteForce(threshold: threshold - 1e-9).subtracting(
            Self.bruteForce(threshold: threshold + 1e-9))
        #expect(found.symmetricDifference(expected).subtracting(nearThreshold).isEmpty)
        #expect(joined.count == found.count)
        #expect(joined.allSatisfy { $0.score >= threshold && rowOfID[$0.first]! < rowOfID[$0.second]! })
        if threshold <= 0.5 { #expect(!found.isEmpty) }
    }

    @Test func queryFindsTheTextItselfFirst() throws {
        let document = Self.documents[10]
        let matches = Self.index.query(document.text, top: 5)
        #expect(matches.first?.id == document.id)
        #expect(abs(matches.first!.score - 1) < 1e-9)
        #expect(zip(matches, matches.dropFirst()).allSatisfy { $0.score >= $1.score })
    }

    @Test func neighboursExcludeTheTextItself() {
        let id = Self.documents[3].id
        let neighbours = Self.index.neighbours(ofID: id, top: 5)
        #expect(!neighbours.contains { $0.id == id })
        #expect(Self.index.neighbours(ofID: -42).isEmpty)
    }

    /// The filtered form keeps exactly the unfiltered ranking's matches that pass the filter and the floor.
    @Test func filteredNeighboursAreTheFilteredRanking() {
        let id = Self.documents[3].id
        let everything = Self.index.neighbours(ofID: id, top: Self.documents.count)
        let even = Self.index.neighbours(ofID: id, top: 5, minimumScore: 0.1) { $0 % 2 == 0 }
        #expect(even == Array(everything.filter { $0.id % 2 == 0 && $0.score >= 0.1 }.prefix(5)))
        #expect(!even.isEmpty)
        #expect(Self.index.neighbours(ofID: id, top: 5, minimumScore: 1.1) { _ in true }.isEmpty)
        #expect(Self.index.neighbours(ofID: -42, top: 5, minimumScore: 0) { _ in true }.isEmpty)
    }

    @Test func oddQueriesGiveNoCrash() {
        #expect(Self.index.query("").isEmpty)
        #expect(Self.index.query("Монгол Улс").isEmpty)
        #expect(Self.index.query("torture", top: 0).isEmpty)
        let huge = String(repeating: "ratify the convention against torture ", count: 30_000)
        #expect(Self.index.query(huge, top: 3).count == 3)
        #expect(SimilarityIndex([]).allPairs(threshold: 0.8).isEmpty)
    }

    @Test func identicalTextsScoreOne() {
        let index = SimilarityIndex([(1, "Abolish the death penalty."), (2, "abolish the DEATH penalty"), (3, "")])
        let pairs = index.allPairs(threshold: 0.99)
        #expect(pairs.count == 1)
        #expect(pairs[0].first == 1 && pairs[0].second == 2)
    }
}

@Suite struct RecurrenceGroupingTests {
    @Test func groupsWithinAStateAndNamesWhyTheyRecur() {
        let items = [
            RecurrenceItem(id: 1, stateUnderReview: "Mongolia", recommendingStates: ["France"], cycle: 1),
            RecurrenceItem(id: 2, stateUnderReview: "Mongolia", recommendingStates: ["Spain"], cycle: 2),
            RecurrenceItem(
                id: 3, stateUnderReview: "Mongolia", recommendingStates: ["France"], cycle: 2, mechanism: .cat),
            RecurrenceItem(id: 4, stateUnderReview: "Chile", recommendingStates: ["Spain"], cycle: 1),
            RecurrenceItem(id: 5, stateUnderReview: "Chile", recommendingStates: ["Spain"], cycle: 1),
        ]
        let pairs = [
            SimilarPair(first: 1, second: 2, score: 0.9), SimilarPair(first: 2, second: 3, score: 0.85),
            SimilarPair(first: 3, second: 4, score: 0.95),  // different states: never linked
            SimilarPair(first: 4, second: 5, score: 1.0),  // same state, cycle and recommender: not recurring
        ]
        let groups = RecurrenceGrouping.groups(items: items, pairs: pairs)
        #expect(groups.count == 1)
        #expect(groups[0].ids == [1, 2, 3])
        #expect(groups[0].kinds == [.acrossCycles, .severalStates, .severalMechanisms])
        #expect(groups[0].recurringSinceFirstCycle)
    }
}
