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
    static func train(
        _ rows: SparseRows, featureCount: Int, subset: [Int32], positive: [[Bool]], cost: Double,
        tolerance: Double = 0.1, maxIterations: Int = 200, seed: UInt64 = 0x5eed
    ) -> [LinearSVM] {
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
                    for _ in 0..<maxIterations {
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
                            for block in 0..<blocks { dots[block] = bias[block] }
                            for entry in lower..<upper {
                                let base = Int(columns[entry]) * blocks
                                let value = values[entry]
                                for block in 0..<blocks { dots[block] += weights[base + block] * value }
                            }
                            var moved = false
                            var shrinkable = true
                            let q = inverseQ[i]
                            for block in 0..<blocks {
                                let a = alpha[i * blocks + block]
                                let y = sign[i * blocks + block]
                                let g = y * dots[block] - 1 + a * diag
                                let atBound = a .== 0
                                if any(active[block] .& .!(atBound .& (g .> maxOld[block]))) { shrinkable = false }
                                // Projected gradient: at the bound a = 0 only a negative gradient counts.
                                let pg = g.replacing(with: pointwiseMin(g, Lanes()), where: atBound)
                                largest[block] = largest[block].replacing(
                                    with: pointwiseMax(largest[block], pg), where: active[block])
                                smallest[block] = smallest[block].replacing(
                                    with: pointwiseMin(smallest[block], pg), where: active[block])
                                let moving = active[block] .& (pg .> 1e-12 .| pg .< -1e-12)
                                let updated = a.replacing(with: pointwiseMax(a - g * q, Lanes()), where: moving)
                                let step = (updated - a) * y
                                alpha[i * blocks + block] = updated
                                steps[block] = step
                                if any(moving) { moved = true }
                            }
                            if shrinkable {
                                // No lane moved (g > maxOld >= 0 at a zero dual), so nothing to undo.
                                activeRows -= 1
                                positions.swapAt(s, activeRows)
                                continue
                            }
                            s += 1
                            guard moved else { continue }
                            for block in 0..<blocks { bias[block] += steps[block] }
                            for entry in lower..<upper {
                                let base = Int(columns[entry]) * blocks
                                let value = values[entry]
                                for block in 0..<blocks { weights[base + block] += steps[block] * value }
                            }
                        }
                        var anyActive = false
                        for block in 0..<blocks {
                            let converged = largest[block] - smallest[block] .<= Float(tolerance)
                            active[block] = active[block] .& .!converged
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
                    }
                }
            }
        }
        return (0..<labelCount).map { label in
            let block = label / Lanes.scalarCount
            let lane = label % Lanes.scalarCount
            var w = [Float](repeating: 0, count: featureCount)
            for feature in 0..<featureCount { w[feature] = weights[feature * blocks + block][lane] }
            return LinearSVM(weights: w, bias: bias[block][lane])
        }
    }
}
