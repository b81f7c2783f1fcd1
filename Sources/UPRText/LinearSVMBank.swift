/// Several L2-regularised, squared-hinge linear SVMs over the same rows, fitted together by dual coordinate
/// descent.
///
/// The algorithm is Hsieh et al.'s (ICML 2008), the one liblinear and scikit-learn's `LinearSVC` run, but the
/// labels share every pass over the data: a row's decision values, dual steps and weight updates are computed
/// for eight labels at a time in SIMD lanes, with weights stored feature-major so that the lanes of one
/// feature are contiguous. One-vs-rest over 54 issues then costs little more than a single binary fit. The bias
/// is an extra feature of constant value 1, as in liblinear. Rows are visited in an order drawn from a
/// fixed-seed generator, so a fit is a pure function of its inputs.
enum LinearSVMBank {
    typealias Lanes = SIMD8<Float>

    /// Fits one SVM per label on the rows listed in `subset`; `positive[label][row]` is the truth.
    ///
    /// `initialDuals[label][row]`, when given, warm-starts the descent: any non-negative duals are feasible, and
    /// duals of fits on overlapping data start near the optimum. The fitted duals come back in the same layout
    /// (zero for rows outside `subset`).
    static func train(
        _ rows: SparseRows, featureCount: Int, subset: [Int32], positive: [[Bool]], cost: Double,
        tolerance: Double = 0.1, minimumPasses: Int = 6, maxIterations: Int = 200, seed: UInt64 = 0x5eed,
        initialDuals: [[Float]]? = nil
    ) -> (models: [LinearSVM], duals: [[Float]]) {
        let labelCount = positive.count
        let blocks = (labelCount + Lanes.scalarCount - 1) / Lanes.scalarCount
        let l = subset.count
        let diag = Float(0.5 / cost)
        let weights = UnsafeMutableBufferPointer<Lanes>.allocate(capacity: featureCount * blocks)
        weights.initialize(repeating: Lanes())
        let alpha = UnsafeMutableBufferPointer<Lanes>.allocate(capacity: l * blocks)
        alpha.initialize(repeating: Lanes())
        let sign = UnsafeMutableBufferPointer<Lanes>.allocate(capacity: l * blocks)
        let inverseQ = UnsafeMutableBufferPointer<Float>.allocate(capacity: l)
        let order = UnsafeMutableBufferPointer<Int>.allocate(capacity: l)
        defer {
            weights.deallocate()
            alpha.deallocate()
            sign.deallocate()
            inverseQ.deallocate()
            order.deallocate()
        }
        // Per-block scratch as raw buffers: Swift arrays captured by the closures below would pay for
        // exclusivity checks on every access of the inner loop.
        let bias = UnsafeMutableBufferPointer<Lanes>.allocate(capacity: blocks)
        let dots = UnsafeMutableBufferPointer<Lanes>.allocate(capacity: blocks)
        let steps = UnsafeMutableBufferPointer<Lanes>.allocate(capacity: blocks)
        let largest = UnsafeMutableBufferPointer<Lanes>.allocate(capacity: blocks)
        let smallest = UnsafeMutableBufferPointer<Lanes>.allocate(capacity: blocks)
        // Lanes past the last label, and labels that have converged, take no more steps.
        let active = UnsafeMutableBufferPointer<SIMDMask<Lanes.MaskStorage>>.allocate(capacity: blocks)
        defer {
            for buffer in [bias, dots, steps, largest, smallest] { buffer.deallocate() }
            active.deallocate()
        }
        bias.initialize(repeating: Lanes())
        dots.initialize(repeating: Lanes())
        steps.initialize(repeating: Lanes())
        active.initialize(repeating: .init(repeating: false))
        for label in 0..<labelCount { active[label / Lanes.scalarCount][label % Lanes.scalarCount] = true }
        let labelLanes = Array(active)
        var random = SplitMix64(seed: seed)

        rows.start.withUnsafeBufferPointer { start in
            rows.columns.withUnsafeBufferPointer { columns in
                rows.values.withUnsafeBufferPointer { values in
                    for i in 0..<l {
                        let row = Int(subset[i])
                        order[i] = row
                        var norm: Float = 1  // the bias feature
                        for entry in start[row]..<start[row + 1] { norm += values[entry] * values[entry] }
                        inverseQ[i] = 1 / (norm + diag)
                        for block in 0..<blocks {
                            var lanes = Lanes(repeating: -1)
                            for lane in 0..<Lanes.scalarCount {
                                let label = block * Lanes.scalarCount + lane
                                if label < labelCount && positive[label][row] { lanes[lane] = 1 }
                            }
                            sign[i * blocks + block] = lanes
                        }
                        guard let initialDuals else { continue }
                        for label in 0..<labelCount where initialDuals[label][row] > 0 {
                            let block = label / Lanes.scalarCount
                            let lane = label % Lanes.scalarCount
                            let dual = initialDuals[label][row]
                            alpha[i * blocks + block][lane] = dual
                            let step = dual * sign[i * blocks + block][lane]
                            bias[block][lane] += step
                            for entry in start[row]..<start[row + 1] {
                                weights[Int(columns[entry]) * blocks + block][lane] += step * values[entry]
                            }
                        }
                    }
                    // Visiting order over subset positions; `order[i]` is the row of position `i`. Positions
                    // past `activeRows` are shrunk: rows liblinear's heuristic expects to stay at a zero dual for
                    // every label, skipped until the shrunk problem converges, then all checked again.
                    let positions = UnsafeMutableBufferPointer<Int>.allocate(capacity: l)
                    let maxOld = UnsafeMutableBufferPointer<Lanes>.allocate(capacity: blocks)
                    defer {
                        positions.deallocate()
                        maxOld.deallocate()
                    }
                    for i in 0..<l { positions[i] = i }
                    maxOld.initialize(repeating: Lanes(repeating: .infinity))
                    var activeRows = l
                    // Blocks with a label still descending; converged blocks cost nothing per row.
                    let liveBlocks = UnsafeMutableBufferPointer<Int>.allocate(capacity: blocks)
                    defer { liveBlocks.deallocate() }
                    var liveCount = 0
                    for block in 0..<blocks where any(active[block]) {
                        liveBlocks[liveCount] = block
                        liveCount += 1
                    }
                    var passes = 0
                    var visits = 0
                    defer { Trace.mark("bank \(labelCount) labels, \(l) rows: \(passes) passes, \(visits) row visits") }
                    for _ in 0..<maxIterations {
                        passes += 1
                        visits += activeRows
                        for i in 0..<activeRows {
                            let j = i + Int(random.next() % UInt64(activeRows - i))
                            positions.swapAt(i, j)
                        }
                        largest.update(repeating: Lanes(repeating: -.infinity))
                        smallest.update(repeating: Lanes(repeating: .infinity))
                        var s = 0
                        while s < activeRows {
                            let i = positions[s]
                            let row = order[i]
                            let lower = start[row]
                            let upper = start[row + 1]
                            for live in 0..<liveCount { dots[liveBlocks[live]] = bias[liveBlocks[live]] }
                            for entry in lower..<upper {
                                let base = Int(columns[entry]) * blocks
                                let value = values[entry]
                                for live in 0..<liveCount {
                                    let block = liveBlocks[live]
                                    dots[block] += weights[base + block] * value
                                }
                            }
                            var moved = false
                            var shrinkable = true
                            let q = inverseQ[i]
                            for live in 0..<liveCount {
                                let block = liveBlocks[live]
                                let a = alpha[i * blocks + block]
                                let y = sign[i * blocks + block]
                                let g = y * dots[block] - 1 + a * diag
                                let atBound = a .== 0
                                if any(active[block] .& .!(atBound .& (g .> maxOld[block]))) { shrinkable = false }
                                // Projected gradient: at the bound a = 0 only a negative gradient counts.
                                // (Masked selects rather than pointwiseMin/Max, which the compiler does not inline.)
                                let pg = g.replacing(with: 0, where: atBound .& (g .> 0))
                                largest[block].replace(with: pg, where: active[block] .& (pg .> largest[block]))
                                smallest[block].replace(with: pg, where: active[block] .& (pg .< smallest[block]))
                                let moving = active[block] .& (pg .> 1e-12 .| pg .< -1e-12)
                                if !any(moving) {
                                    steps[block] = Lanes()
                                    continue
                                }
                                let candidate = a - g * q
                                let updated = a.replacing(
                                    with: candidate.replacing(with: 0, where: candidate .< 0), where: moving)
                                let step = (updated - a) * y
                                alpha[i * blocks + block] = updated
                                steps[block] = step
                                moved = true
                            }
                            if shrinkable {
                                // No lane moved (g > maxOld >= 0 at a zero dual), so nothing to undo.
                                activeRows -= 1
                                positions.swapAt(s, activeRows)
                                continue
                            }
                            s += 1
                            guard moved else { continue }
                            for live in 0..<liveCount { bias[liveBlocks[live]] += steps[liveBlocks[live]] }
                            if blocks == 1 {
                                let step = steps[0]
                                for entry in lower..<upper { weights[Int(columns[entry])] += step * values[entry] }
                                continue
                            }
                            // Only blocks with a moving lane change the weights; rare labels mostly sit still.
                            var movedBlocks = 0
                            for live in 0..<liveCount where steps[liveBlocks[live]] != Lanes() { movedBlocks += 1 }
                            if movedBlocks == liveCount {
                                for entry in lower..<upper {
                                    let base = Int(columns[entry]) * blocks
                                    let value = values[entry]
                                    for live in 0..<liveCount {
                                        let block = liveBlocks[live]
                                        weights[base + block] += steps[block] * value
                                    }
                                }
                            } else {
                                for live in 0..<liveCount where steps[liveBlocks[live]] != Lanes() {
                                    let block = liveBlocks[live]
                                    let step = steps[block]
                                    for entry in lower..<upper {
                                        weights[Int(columns[entry]) * blocks + block] += step * values[entry]
                                    }
                                }
                            }
                        }
                        var anyActive = false
                        for block in 0..<blocks {
                            // A few passes always: on small data the loose gap is reached before the fit settles.
                            let converged =
                                largest[block] - smallest[block] .<= Float(tolerance)
                                .& SIMDMask(repeating: passes >= minimumPasses)
                            let stillActive = active[block] .& .!converged
                            active[block] = stillActive
                            if any(active[block]) { anyActive = true }
                            maxOld[block] = largest[block].replacing(
                                with: .infinity, where: largest[block] .<= 0)
                        }
                        if !anyActive {
                            if activeRows == l { break }
                            // Converged on the shrunk rows: check every row and every label once more.
                            activeRows = l
                            maxOld.update(repeating: Lanes(repeating: .infinity))
                            for block in 0..<blocks { active[block] = labelLanes[block] }
                        }
                        liveCount = 0
                        for block in 0..<blocks where any(active[block]) {
                            liveBlocks[liveCount] = block
                            liveCount += 1
                        }
                    }
                }
            }
        }
        let models = (0..<labelCount).map { label in
            let block = label / Lanes.scalarCount
            let lane = label % Lanes.scalarCount
            var w = [Float](repeating: 0, count: featureCount)
            for feature in 0..<featureCount { w[feature] = weights[feature * blocks + block][lane] }
            return LinearSVM(weights: w, bias: bias[block][lane])
        }
        var duals = [[Float]](repeating: [Float](repeating: 0, count: rows.count), count: labelCount)
        for (i, row) in subset.enumerated() {
            for label in 0..<labelCount {
                duals[label][Int(row)] = alpha[i * blocks + label / Lanes.scalarCount][label % Lanes.scalarCount]
            }
        }
        return (models, duals)
    }
}
