import Dispatch

/// Exact all-pairs similarity join over a `SimilarityIndex`, with the prefix filtering of AllPairs (Bayardo et
/// al., WWW 2007) and the ℓ2 bounds of L2AP (Anastasiu & Karypis, ICDE 2014).
///
/// Terms are ordered most frequent first. Each vector's leading terms stay out of the index for as long as
/// the largest dot product any unit vector could get from them stays below the threshold (the smaller of their
/// ℓ2 norm and their sum of `value × largest value of the term in the corpus`), so a pair at or above the
/// threshold must meet on an indexed, rare, term and posting lists stay short. A row scans its terms rarest
/// first and stops admitting new candidates once its remaining (more frequent) terms cannot reach the threshold
/// alone; a candidate is verified only if its indexed overlap plus a bound on the rest can reach the threshold,
/// and verification is a full dot product, so the result is exactly the pair set of a brute-force cosine.
/// Rows are processed in parallel blocks, each with its own accumulators.
extension SimilarityIndex {
    /// Every pair of indexed texts with cosine at least `threshold` (0 < threshold <= 1), sorted by row order.
    public func allPairs(threshold: Double) -> [SimilarPair] {
        allPairRows(threshold: threshold).map {
            SimilarPair(first: ids[Int($0.first)], second: ids[Int($0.second)], score: $0.score)
        }
    }

    /// `allPairs` by row number, for callers that keep their own arrays.
    func allPairRows(threshold: Double) -> [(first: Int32, second: Int32, score: Double)] {
        let rowCount = count
        guard rowCount > 1, threshold > 0 else { return [] }
        // Bounds are compared with a margin, so rounding can only index more, never miss a pair.
        let margin = 1e-9

        var largestValue = [Double](repeating: 0, count: terms.count)
        for entry in rowTerms.indices {
            let term = Int(rowTerms[entry])
            largestValue[term] = max(largestValue[term], rowValues[entry])
        }
        var firstIndexed = [Int](repeating: 0, count: rowCount)
        var prefixBound = [Double](repeating: 0, count: rowCount)
        var prefixNorm = [Double](repeating: 0, count: rowCount)
        var firstIndexedTerm = [Int32](repeating: .max, count: rowCount)
        for row in 0..<rowCount {
            var squared = 0.0
            var weighted = 0.0
            var entry = rowStart[row]
            var bound = 0.0
            while entry < rowStart[row + 1] {
                let value = rowValues[entry]
                let nextSquared = squared + value * value
                let nextWeighted = weighted + value * largestValue[Int(rowTerms[entry])]
                let nextBound = min(nextSquared.squareRoot(), nextWeighted)
                guard nextBound < threshold - margin else { break }
                squared = nextSquared
                weighted = nextWeighted
                bound = nextBound
                entry += 1
            }
            firstIndexed[row] = entry
            prefixBound[row] = bound
            prefixNorm[row] = squared.squareRoot()
            if entry < rowStart[row + 1] { firstIndexedTerm[row] = rowTerms[entry] }
        }
        let starts = firstIndexed
        let index = Self.invert(
            rowStart: rowStart, rowTerms: rowTerms, rowValues: rowValues, termCount: terms.count,
            firstIndexed: { starts[$0] })

        // Later rows meet more earlier rows, so blocks are dealt round-robin to the jobs to even out the work.
        let blockSize = 64
        let blockCount = (rowCount + blockSize - 1) / blockSize
        let jobs = rowCount < Self.smallCorpus ? 1 : min(blockCount, 64)
        let bounds = PrefixBounds(bound: prefixBound, norm: prefixNorm, firstIndexedTerm: firstIndexedTerm)
        let largest = largestValue
        let found = Parallel.map(jobs) { job -> [(first: Int32, second: Int32, score: Double)] in
            var pairs: [(first: Int32, second: Int32, score: Double)] = []
            var accumulator = [Double](repeating: 0, count: rowCount)
            var scattered = [Double](repeating: 0, count: terms.count)
            var touched: [Int32] = []
            var cumulative: [Double] = []
            for block in stride(from: job, to: blockCount, by: jobs) {
                for row in block * blockSize..<min(rowCount, (block + 1) * blockSize) {
                    joinRow(
                        row, threshold: threshold, margin: margin, index: index, bounds: bounds, largest: largest,
                        accumulator: &accumulator, scattered: &scattered, touched: &touched, cumulative: &cumulative,
                        into: &pairs)
                }
            }
            return pairs
        }
        var pairs = found.flatMap { $0 }
        pairs.sort { $0.first != $1.first ? $0.first < $1.first : $0.second < $1.second }
        return pairs
    }

    /// Finds the pairs (earlier row, `row`) at or above the threshold.
    private func joinRow(
        _ row: Int, threshold: Double, margin: Double, index: (start: [Int], rows: [Int32], values: [Double]),
        bounds: PrefixBounds, largest: [Double], accumulator: inout [Double], scattered: inout [Double],
        touched: inout [Int32], cumulative: inout [Double],
        into pairs: inout [(first: Int32, second: Int32, score: Double)]
    ) {
        touched.removeAll(keepingCapacity: true)
        let lower = rowStart[row]
        let upper = rowStart[row + 1]
        // cumulative[k]: squared norm of the row's first k entries (its k most frequent terms).
        cumulative.removeAll(keepingCapacity: true)
        cumulative.append(0)
        var weightedBelow = [Double]()
        weightedBelow.reserveCapacity(upper - lower + 1)
        weightedBelow.append(0)
        for entry in lower..<upper {
            let value = rowValues[entry]
            cumulative.append(cumulative[cumulative.count - 1] + value * value)
            weightedBelow.append(weightedBelow[weightedBelow.count - 1] + value * largest[Int(rowTerms[entry])])
        }
        // The row as a dense vector over terms, so verifying a candidate is one gather per candidate term
        // instead of a branchy merge of two sorted lists.
        for entry in lower..<upper { scattered[Int(rowTerms[entry])] = rowValues[entry] }
        defer { for entry in lower..<upper { scattered[Int(rowTerms[entry])] = 0 } }
        accumulator.withUnsafeMutableBufferPointer { accumulator in
            index.rows.withUnsafeBufferPointer { postingRows in
                index.values.withUnsafeBufferPointer { postingValues in
                    // Rarest term first. A row first met at this term shares none of the rarer terms already
                    // scanned (its unindexed terms are all more frequent than its indexed ones), so its cosine is
                    // at most what this row's terms up to here can give: once that is below the threshold, only
                    // rows already met are updated.
                    for entry in (lower..<upper).reversed() {
                        let position = entry - lower + 1
                        let admitting =
                            min(cumulative[position].squareRoot(), weightedBelow[position]) >= threshold - margin
                        let term = Int(rowTerms[entry])
                        let weight = rowValues[entry]
                        var posting = index.start[term]
                        let end = index.start[term + 1]
                        // Posting lists are sorted by row: stop at the first row that is not earlier.
                        while posting < end {
                            let other = Int(postingRows[posting])
                            if other >= row { break }
                            if accumulator[other] == 0 {
                                if !admitting {
                                    posting += 1
                                    continue
                                }
                                touched.append(Int32(other))
                            }
                            accumulator[other] += weight * postingValues[posting]
                            posting += 1
                        }
                    }
                }
            }
            for candidate in touched {
                let other = Int(candidate)
                let partial = accumulator[other]
                accumulator[other] = 0
                // The other row's unindexed prefix adds at most its bound, and at most its norm times the norm
                // of this row's terms that precede the other row's first indexed term.
                var below = 0
                while below < upper - lower && rowTerms[lower + below] < bounds.firstIndexedTerm[other] { below += 1 }
                let rest = min(bounds.bound[other], bounds.norm[other] * cumulative[below].squareRoot())
                guard partial + rest >= threshold - margin else { continue }
                var score = 0.0
                for entry in rowStart[other]..<rowStart[other + 1] {
                    score += scattered[Int(rowTerms[entry])] * rowValues[entry]
                }
                if score >= threshold { pairs.append((Int32(other), Int32(row), score)) }
            }
        }
    }

    /// What the join knows about each row's unindexed prefix.
    struct PrefixBounds: Sendable {
        /// Largest dot product the prefix can add with any unit vector.
        var bound: [Double]
        /// ℓ2 norm of the prefix.
        var norm: [Double]
        /// Term id of the first indexed entry (`Int32.max` when the whole row is prefix).
        var firstIndexedTerm: [Int32]
    }

    /// Exact dot product of two indexed rows (a merge over their ascending term ids).
    func dot(_ a: Int, _ b: Int) -> Double {
        var i = rowStart[a]
        var j = rowStart[b]
        let endA = rowStart[a + 1]
        let endB = rowStart[b + 1]
        var sum = 0.0
        while i < endA && j < endB {
            let termA = rowTerms[i]
            let termB = rowTerms[j]
            if termA == termB {
                sum += rowValues[i] * rowValues[j]
                i += 1
                j += 1
            } else if termA < termB {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }
}
