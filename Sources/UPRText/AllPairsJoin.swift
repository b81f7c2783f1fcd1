import Dispatch

/// Exact all-pairs similarity join over a `SimilarityIndex`, with prefix filtering (Bayardo et al., WWW 2007;
/// the ℓ2 bound of Anastasiu & Karypis's L2AP, ICDE 2014).
///
/// Terms are ordered most frequent first. Each vector's leading terms stay out of the index for as long as
/// the largest dot product any unit vector could get from them stays below the threshold: the smaller of
/// their ℓ2 norm and their sum of `value × largest value of the term in the corpus`. A pair at or above the
/// threshold must then meet on an indexed (rare) term, so posting lists stay short. Every candidate that could
/// still reach the threshold is verified with a full sparse dot product, so the result is exact: exactly the
/// pairs a brute-force cosine finds. Rows are processed in parallel blocks, each with its own accumulator.
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
        }
        let starts = firstIndexed
        let index = Self.invert(
            rowStart: rowStart, rowTerms: rowTerms, rowValues: rowValues, termCount: terms.count,
            firstIndexed: { starts[$0] })

        // Later rows meet more earlier rows, so blocks are dealt round-robin to the jobs to even out the work.
        let blockSize = 64
        let blockCount = (rowCount + blockSize - 1) / blockSize
        let jobs = min(blockCount, 64)
        let bounds = prefixBound
        let found = Parallel.map(jobs) { job -> [(first: Int32, second: Int32, score: Double)] in
            var pairs: [(first: Int32, second: Int32, score: Double)] = []
            var accumulator = [Double](repeating: 0, count: rowCount)
            var touched: [Int32] = []
            for block in stride(from: job, to: blockCount, by: jobs) {
                for row in block * blockSize..<min(rowCount, (block + 1) * blockSize) {
                    joinRow(
                        row, threshold: threshold, margin: margin, index: index, prefixBound: bounds,
                        accumulator: &accumulator, touched: &touched, into: &pairs)
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
        prefixBound: [Double], accumulator: inout [Double], touched: inout [Int32],
        into pairs: inout [(first: Int32, second: Int32, score: Double)]
    ) {
        touched.removeAll(keepingCapacity: true)
        let lower = rowStart[row]
        let upper = rowStart[row + 1]
        accumulator.withUnsafeMutableBufferPointer { accumulator in
            index.rows.withUnsafeBufferPointer { postingRows in
                index.values.withUnsafeBufferPointer { postingValues in
                    for entry in lower..<upper {
                        let term = Int(rowTerms[entry])
                        let weight = rowValues[entry]
                        var posting = index.start[term]
                        let end = index.start[term + 1]
                        // Posting lists are sorted by row: stop at the first row that is not earlier.
                        while posting < end {
                            let other = Int(postingRows[posting])
                            if other >= row { break }
                            if accumulator[other] == 0 { touched.append(Int32(other)) }
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
                // The unindexed prefix adds at most its bound: skip candidates that cannot reach the threshold.
                guard partial + prefixBound[other] >= threshold - margin else { continue }
                let score = dot(row, other)
                if score >= threshold { pairs.append((Int32(other), Int32(row), score)) }
            }
        }
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
