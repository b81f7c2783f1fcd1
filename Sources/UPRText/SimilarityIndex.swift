import Foundation

/// A recommendation found similar to another text, with its cosine similarity.
public struct SimilarityMatch: Sendable, Hashable, Codable {
    /// The caller's id of the matching text.
    public var id: Int
    /// Cosine similarity of the TF-IDF vectors, in [0, 1].
    public var score: Double

    /// Creates a match.
    public init(id: Int, score: Double) {
        self.id = id
        self.score = score
    }
}

/// Two texts whose similarity reaches a threshold; `first` comes before `second` in the index.
public struct SimilarPair: Sendable, Hashable, Codable {
    /// Id of the earlier text.
    public var first: Int
    /// Id of the later text.
    public var second: Int
    /// Cosine similarity, in [0, 1].
    public var score: Double

    /// Creates a pair.
    public init(first: Int, second: Int, score: Double) {
        self.first = first
        self.second = second
        self.score = score
    }
}

/// TF-IDF vectors of a corpus with an inverted index: nearest texts to a query, and every pair above a threshold.
///
/// Terms are `Tokenizer` tokens without stop words; weights are sublinear term frequency times smoothed IDF
/// (`1 + ln tf`, `ln((1 + n) / (1 + df)) + 1`, scikit-learn's `TfidfVectorizer(sublinear_tf=True)`), each vector
/// L2-normalised, so scores are cosines. Query words the corpus never saw carry no weight. Immutable and
/// `Sendable`; build it once per corpus.
public struct SimilarityIndex: Sendable {
    /// The caller's ids, in row order.
    public let ids: [Int]
    /// Term strings by term id; ids are ordered by falling document frequency (ties by string).
    let terms: [String]
    let termIDs: [String: Int32]
    /// IDF by term id.
    let idf: [Double]
    /// Document vectors, CSR, term ids ascending (so most frequent terms first).
    let rowStart: [Int]
    let rowTerms: [Int32]
    let rowValues: [Double]
    /// Inverted index over every entry, CSC: `postingStart[t]..<postingStart[t+1]` lists rows ascending.
    let postingStart: [Int]
    let postingRows: [Int32]
    let postingValues: [Double]
    private let rowOfID: [Int: Int]

    /// Number of indexed texts.
    public var count: Int { ids.count }

    /// Below this many texts, building and joining run in the calling thread.
    static let smallCorpus = 1024

    /// Indexes `documents`; ids should be unique (a repeated id keeps its first row for `neighbours`).
    public init(_ documents: [(id: Int, text: String)]) {
        ids = documents.map(\.id)
        // A small corpus (one state's recommendations, say) is tokenised sooner here than by waking other threads.
        let tokenLists =
            documents.count < Self.smallCorpus
            ? documents.map { Tokenizer.tokens($0.text, droppingStopWords: true) }
            : Parallel.map(documents.count) { Tokenizer.tokens(documents[$0].text, droppingStopWords: true) }
        // Vocabulary and document frequencies, with provisional ids in first-seen order.
        var provisional: [String: Int32] = [:]
        var words: [String] = []
        var documentFrequency: [Int] = []
        var rowsByProvisional: [[Int32]] = []
        rowsByProvisional.reserveCapacity(documents.count)
        for tokens in tokenLists {
            var row: [Int32] = []
            row.reserveCapacity(tokens.count)
            for token in tokens {
                if let id = provisional[token] {
                    row.append(id)
                } else {
                    let id = Int32(words.count)
                    provisional[token] = id
                    words.append(token)
                    documentFrequency.append(0)
                    row.append(id)
                }
            }
            row.sort()
            var previous: Int32 = -1
            for id in row where id != previous {
                documentFrequency[Int(id)] += 1
                previous = id
            }
            rowsByProvisional.append(row)
        }
        let rank = words.indices.sorted {
            documentFrequency[$0] != documentFrequency[$1]
                ? documentFrequency[$0] > documentFrequency[$1] : words[$0] < words[$1]
        }
        var finalID = [Int32](repeating: 0, count: words.count)
        for (position, provisionalID) in rank.enumerated() { finalID[provisionalID] = Int32(position) }
        terms = rank.map { words[$0] }
        var termIDs: [String: Int32] = [:]
        termIDs.reserveCapacity(terms.count)
        for (id, term) in terms.enumerated() { termIDs[term] = Int32(id) }
        self.termIDs = termIDs
        let n = Double(documents.count)
        let idf = rank.map { log((1 + n) / (1 + Double(documentFrequency[$0]))) + 1 }
        self.idf = idf

        var rowStart = [0]
        var rowTerms: [Int32] = []
        var rowValues: [Double] = []
        rowStart.reserveCapacity(documents.count + 1)
        for row in rowsByProvisional {
            let vector = Self.weigh(row.map { finalID[Int($0)] }, idf: idf)
            rowTerms.append(contentsOf: vector.terms)
            rowValues.append(contentsOf: vector.values)
            rowStart.append(rowTerms.count)
        }
        self.rowStart = rowStart
        self.rowTerms = rowTerms
        self.rowValues = rowValues
        (postingStart, postingRows, postingValues) = Self.invert(
            rowStart: rowStart, rowTerms: rowTerms, rowValues: rowValues, termCount: terms.count,
            firstIndexed: { rowStart[$0] })

        var rowOfID: [Int: Int] = [:]
        rowOfID.reserveCapacity(ids.count)
        for (row, id) in ids.enumerated() where rowOfID[id] == nil { rowOfID[id] = row }
        self.rowOfID = rowOfID
    }

    /// Sublinear TF-IDF of a bag of term ids, L2-normalised, term ids ascending.
    static func weigh(_ termIDs: [Int32], idf: [Double]) -> (terms: [Int32], values: [Double]) {
        let sorted = termIDs.sorted()
        var terms: [Int32] = []
        var values: [Double] = []
        var squaredNorm = 0.0
        var index = 0
        while index < sorted.count {
            var end = index + 1
            while end < sorted.count && sorted[end] == sorted[index] { end += 1 }
            let value = (1 + log(Double(end - index))) * idf[Int(sorted[index])]
            terms.append(sorted[index])
            values.append(value)
            squaredNorm += value * value
            index = end
        }
        if squaredNorm > 0 {
            let norm = squaredNorm.squareRoot()
            for slot in values.indices { values[slot] /= norm }
        }
        return (terms, values)
    }

    /// Column-major copy of the entries of each row from `firstIndexed(row)` on, rows ascending per term.
    static func invert(
        rowStart: [Int], rowTerms: [Int32], rowValues: [Double], termCount: Int, firstIndexed: (Int) -> Int
    ) -> (start: [Int], rows: [Int32], values: [Double]) {
        var start = [Int](repeating: 0, count: termCount + 1)
        let rowCount = rowStart.count - 1
        for row in 0..<rowCount {
            for entry in firstIndexed(row)..<rowStart[row + 1] { start[Int(rowTerms[entry]) + 1] += 1 }
        }
        for term in 0..<termCount { start[term + 1] += start[term] }
        var fill = start
        var rows = [Int32](repeating: 0, count: start[termCount])
        var values = [Double](repeating: 0, count: start[termCount])
        for row in 0..<rowCount {
            for entry in firstIndexed(row)..<rowStart[row + 1] {
                let term = Int(rowTerms[entry])
                rows[fill[term]] = Int32(row)
                values[fill[term]] = rowValues[entry]
                fill[term] += 1
            }
        }
        return (start, rows, values)
    }

    /// The TF-IDF vector of a new text over this corpus's vocabulary.
    func vector(_ text: String) -> (terms: [Int32], values: [Double]) {
        let known = Tokenizer.tokens(text, droppingStopWords: true).compactMap { termIDs[$0] }
        return Self.weigh(known, idf: idf)
    }

    // MARK: Nearest texts

    /// The `top` most similar indexed texts to `text`, best first (ties by row order); only scores above 0.
    public func query(_ text: String, top: Int = 10) -> [SimilarityMatch] {
        nearest(vector(text), top: top, excludingRow: nil)
    }

    /// The `top` texts most similar to the indexed text with id `id`, itself excluded; empty for unknown ids.
    public func neighbours(ofID id: Int, top: Int = 10) -> [SimilarityMatch] {
        guard let row = rowOfID[id] else { return [] }
        let range = rowStart[row]..<rowStart[row + 1]
        return nearest((Array(rowTerms[range]), Array(rowValues[range])), top: top, excludingRow: row)
    }

    /// The `top` texts most similar to the indexed text with id `id` among those whose id `including` accepts,
    /// with a score of at least `minimumScore`, best first; itself excluded, empty for unknown ids. The filter
    /// runs inside the selection, so a narrow filter (one state's recommendations, say) still fills `top`.
    public func neighbours(
        ofID id: Int, top: Int, minimumScore: Double, including: (Int) -> Bool
    ) -> [SimilarityMatch] {
        guard let row = rowOfID[id] else { return [] }
        let range = rowStart[row]..<rowStart[row + 1]
        return nearest(
            (Array(rowTerms[range]), Array(rowValues[range])), top: top, excludingRow: row,
            accept: { [ids] candidate, score in score >= minimumScore && including(ids[candidate]) })
    }

    private func nearest(
        _ vector: (terms: [Int32], values: [Double]), top: Int, excludingRow: Int?,
        accept: (Int, Double) -> Bool = { _, _ in true }
    )
        -> [SimilarityMatch]
    {
        guard top > 0, !vector.terms.isEmpty else { return [] }
        var scores = [Double](repeating: 0, count: count)
        var touched: [Int32] = []
        scores.withUnsafeMutableBufferPointer { scores in
            postingRows.withUnsafeBufferPointer { postingRows in
                postingValues.withUnsafeBufferPointer { postingValues in
                    for (term, weight) in zip(vector.terms, vector.values) {
                        for entry in postingStart[Int(term)]..<postingStart[Int(term) + 1] {
                            let row = Int(postingRows[entry])
                            if scores[row] == 0 { touched.append(Int32(row)) }
                            scores[row] += weight * postingValues[entry]
                        }
                    }
                }
            }
        }
        var best = TopK(capacity: top)
        for row in touched where Int(row) != excludingRow && accept(Int(row), scores[Int(row)]) {
            best.offer(row: row, score: scores[Int(row)])
        }
        return best.sorted().map { SimilarityMatch(id: ids[Int($0.row)], score: $0.score) }
    }
}

/// The k highest-scoring rows seen so far, as a min-heap on (score, then later row), so selection is O(n log k).
struct TopK {
    private let capacity: Int
    private var heap: [(row: Int32, score: Double)] = []

    init(capacity: Int) {
        self.capacity = capacity
        heap.reserveCapacity(capacity)
    }

    /// True when `a` ranks below `b`: lower score, or equal score and later row.
    private static func below(_ a: (row: Int32, score: Double), _ b: (row: Int32, score: Double)) -> Bool {
        a.score != b.score ? a.score < b.score : a.row > b.row
    }

    mutating func offer(row: Int32, score: Double) {
        let item = (row: row, score: score)
        if heap.count < capacity {
            heap.append(item)
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard Self.below(heap[child], heap[parent]) else { break }
                heap.swapAt(child, parent)
                child = parent
            }
        } else if let root = heap.first, Self.below(root, item) {
            heap[0] = item
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < heap.count && Self.below(heap[left], heap[smallest]) { smallest = left }
                if right < heap.count && Self.below(heap[right], heap[smallest]) { smallest = right }
                guard smallest != parent else { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
    }

    /// The kept rows, best first.
    func sorted() -> [(row: Int32, score: Double)] {
        heap.sorted { Self.below($1, $0) }
    }
}
