import Foundation
import UPRDomain

/// Settings of a classifier fit; the defaults are the ones the shipped model was trained with.
public struct TrainingOptions: Sendable, Hashable {
    /// SVM cost C (scikit-learn's `C`).
    public var cost: Double = 0.5
    /// Folds used to calibrate thresholds and confidences on held-out data.
    public var folds: Int = 3
    /// Minimum number of texts a feature must occur in.
    public var minDocumentFrequency: Int = 2
    /// Weight of the opening-word features relative to the unit-length TF-IDF part.
    public var leadWeight: Float = 0.5
    /// Dual coordinate descent stopping tolerance on the projected-gradient gap (liblinear's `eps`). Looser than
    /// liblinear's 0.1: on the validation split (train sessions 1-9, validate 10-12) 1.0 scored as well or better
    /// (issues micro-F1 0.885 vs 0.884) in half the passes.
    public var tolerance: Double = 1.0

    /// The defaults.
    public init() {}
}

/// Fits a `Classifier` from labelled rows, deterministically: the same rows give the same model bytes.
///
/// Per label a linear SVM is fitted on every row; before that, the same fit on `folds - 1` folds scores the
/// held-out fold, and those out-of-fold scores choose each issue's threshold (the one maximising its F1) and
/// calibrate the confidences. Folds are blocks of consecutive sessions, so near-identical
/// recommendations made in one review rarely sit on both sides of a fold. All fits run in parallel.
public enum ClassifierTrainer {
    /// Trains on `rows` (rows without issues still teach the action category, and vice versa).
    public static func train(_ rows: [LabelledRecommendation], options: TrainingOptions = TrainingOptions())
        -> Classifier
    {
        let texts = rows.map(\.text)
        Trace.mark("start")
        let (features, fullMatrix) = ClassifierFeatures.fit(
            texts, minDocumentFrequency: options.minDocumentFrequency, leadWeight: options.leadWeight)
        // Opening words decide the action category but only add noise to issues (validated on sessions
        // 10-12 with training on 1-9), so issue scorers never see them.
        // Columns renumbered by falling frequency for the fits: the weights of frequent features, touched by most
        // rows, then share cache lines (worth a third of the fitting time); weights are mapped back at the end.
        let byFrequency = fullMatrix.columnsByFrequency(columnCount: features.count)
        let matrix = fullMatrix.renumberingColumns(byFrequency.newIndex)
        let issueMatrix = matrix.keepingColumns { !features.keys[Int(byFrequency.oldIndex[Int($0)])].hasPrefix("^") }
        Trace.mark("features \(features.count) nnz \(matrix.columns.count)")
        let issueCount = IssueCatalog.names.count
        let actions = ActionCategory.allCases

        // Label l < issueCount is an issue, the rest one-vs-rest action categories.
        var positives: [[Bool]] = Array(repeating: Array(repeating: false, count: rows.count), count: issueCount)
        for (row, item) in rows.enumerated() {
            for issue in item.issues { if let label = IssueCatalog.index(of: issue) { positives[label][row] = true } }
        }
        for action in actions {
            positives.append(rows.map { $0.actionCategory == action })
        }
        let allRows = (0..<rows.count).map { Int32($0) }
        let actionRows = allRows.filter { rows[Int($0)].actionCategory != nil }

        let foldCount = max(2, options.folds)
        let fold = foldAssignment(rows, folds: foldCount)
        let labelsByRow = positives
        // Labels are fitted in groups that share passes over the data (see `LinearSVMBank`); issues are split
        // in two so that the jobs keep both cores busy. Job g + groups.count * f fits group g on every fold but
        // f; f == foldCount is the fit on everything.
        let split = (issueCount / 2 + 7) / 8 * 8
        let groups: [Range<Int>] = [0..<split, split..<issueCount, issueCount..<positives.count]
        @Sendable func fit(group: Int, heldOutFold: Int, initialDuals: [[Float]]?)
            -> (models: [LinearSVM], duals: [[Float]], heldOut: [[Float]])
        {
            let labels = groups[group]
            let isIssues = labels.lowerBound < issueCount
            let base = isIssues ? allRows : actionRows
            let data = isIssues ? issueMatrix : matrix
            let trainRows = heldOutFold == foldCount ? base : base.filter { fold[Int($0)] != heldOutFold }
            let (models, duals) = LinearSVMBank.train(
                data, featureCount: features.count, subset: trainRows, positive: Array(labelsByRow[labels]),
                cost: options.cost, tolerance: options.tolerance,
                seed: UInt64(heldOutFold * groups.count + group + 1), initialDuals: initialDuals)
            guard heldOutFold < foldCount else { return (models, duals, []) }
            let heldOutRows = base.filter { fold[Int($0)] == heldOutFold }
            return (models, duals, models.map { model in heldOutRows.map { model.score(data, row: Int($0)) } })
        }
        let foldFits = Parallel.map(groups.count * foldCount) { job in
            fit(group: job % groups.count, heldOutFold: job / groups.count, initialDuals: nil)
        }
        // The fit on everything starts from the mean of each row's duals in the fold fits that trained on it
        // (all but one), which saves most of its passes.
        let finalFits = Parallel.map(groups.count) { group in
            let initial = (0..<groups[group].count).map { offset in
                (0..<rows.count).map { row -> Float in
                    var sum: Float = 0
                    for heldOut in 0..<foldCount where heldOut != fold[row] {
                        sum += foldFits[heldOut * groups.count + group].duals[offset][row]
                    }
                    return sum / Float(foldCount - 1)
                }
            }
            return fit(group: group, heldOutFold: foldCount, initialDuals: initial)
        }
        let fits = (foldFits + finalFits).map { (models: $0.models, heldOut: $0.heldOut) }
        @Sendable func fitted(_ label: Int, fold: Int) -> (model: LinearSVM, heldOut: [Float]) {
            let group = groups.firstIndex { $0.contains(label) }!
            let result = fits[fold * groups.count + group]
            let offset = label - groups[group].lowerBound
            return (result.models[offset], fold < foldCount ? result.heldOut[offset] : [])
        }

        Trace.mark("fits")
        // Reassemble out-of-fold scores in row order per label.
        @Sendable func outOfFold(_ label: Int) -> (scores: [Float], rows: [Int32]) {
            let base = label < issueCount ? allRows : actionRows
            var scores: [Float] = []
            var order: [Int32] = []
            for heldOut in 0..<foldCount {
                scores += fitted(label, fold: heldOut).heldOut
                order += base.filter { fold[Int($0)] == heldOut }
            }
            return (scores, order)
        }

        let calibration = Parallel.map(issueCount) { label -> (threshold: Float, slope: Float) in
            let (scores, order) = outOfFold(label)
            let truth = order.map { labelsByRow[label][Int($0)] }
            let threshold = bestF1Threshold(scores: scores, truth: truth)
            return (threshold, sigmoidSlope(scores: scores, truth: truth, threshold: threshold))
        }

        var actionScores: [[Float]] = []
        var actionOrder: [Int32] = []
        for (offset, _) in actions.enumerated() {
            let (scores, order) = outOfFold(issueCount + offset)
            actionScores.append(scores)
            actionOrder = order
        }
        let actionTruth = actionOrder.map { row in actions.firstIndex(of: rows[Int(row)].actionCategory!)! }
        let temperature = softmaxTemperature(scores: actionScores, truth: actionTruth)

        Trace.mark("calibration")
        let final = positives.indices.map { label in
            let model = fitted(label, fold: foldCount).model
            let weights = byFrequency.newIndex.map { model.weights[Int($0)] }
            return QuantizedLinearModel(weights: weights, bias: model.bias)
        }
        return Classifier(
            features: features, issueModels: Array(final[..<issueCount]),
            issueThresholds: calibration.map(\.threshold), issueSlopes: calibration.map(\.slope),
            actionModels: Array(final[issueCount...]), actionTemperature: temperature)
    }

    /// Fold of each row: consecutive blocks of sessions, so held-out scores carry the drift between review
    /// rounds that classifying a later review meets (this calibrates better than shuffled folds).
    static func foldAssignment(_ rows: [LabelledRecommendation], folds: Int) -> [Int] {
        let order = rows.indices.sorted {
            let left = (rows[$0].session ?? 0, rows[$0].stateUnderReview, $0)
            let right = (rows[$1].session ?? 0, rows[$1].stateUnderReview, $1)
            return left < right
        }
        var fold = [Int](repeating: 0, count: rows.count)
        for (position, row) in order.enumerated() { fold[row] = position * folds / max(1, rows.count) }
        return fold
    }

    /// The decision threshold with the best F1 on held-out scores, half-way between two distinct scores.
    static func bestF1Threshold(scores: [Float], truth: [Bool]) -> Float {
        let positives = truth.reduce(0) { $0 + ($1 ? 1 : 0) }
        guard positives > 0 else { return 1e6 }
        let order = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        var truePositives = 0
        var bestF1 = -1.0
        var best: Float = 0
        for (rank, index) in order.enumerated() {
            if truth[index] { truePositives += 1 }
            let next = rank + 1 < order.count ? scores[order[rank + 1]] : -Float.infinity
            guard next != scores[index] else { continue }
            let f1 = 2 * Double(truePositives) / Double(rank + 1 + positives)
            if f1 > bestF1 {
                bestF1 = f1
                best = next == -Float.infinity ? scores[index] - 0.1 : (scores[index] + next) / 2
            }
        }
        return best
    }

    /// Slope `a` minimising log loss of `sigmoid(a * (score - threshold))`, by Newton's method (the loss is
    /// convex in `a`), kept within [0.01, 100].
    static func sigmoidSlope(scores: [Float], truth: [Bool], threshold: Float) -> Float {
        let margins = zip(scores, truth).map { Double($0 - threshold) * ($1 ? 1 : -1) }
        var slope = 2.0
        for _ in 0..<12 {
            var gradient = 0.0
            var curvature = 0.0
            for margin in margins {
                // d/da log(1 + exp(-a m)) = -m σ(-a m); second derivative m² σ(a m) σ(-a m).
                let p = 1 / (1 + exp(slope * margin))
                gradient -= margin * p
                curvature += margin * margin * p * (1 - p)
            }
            guard curvature > 1e-12 else { break }
            let next = min(100, max(0.01, slope - gradient / curvature))
            if abs(next - slope) < 1e-6 * slope { break }
            slope = next
        }
        return Float(slope)
    }

    /// Temperature `a` minimising log loss of `softmax(a * scores)` against the true class, by Newton's method
    /// (gradient: expected minus true score; curvature: variance of the score under the softmax).
    static func softmaxTemperature(scores: [[Float]], truth: [Int]) -> Float {
        var temperature = 2.0
        for _ in 0..<12 {
            var gradient = 0.0
            var curvature = 0.0
            for row in truth.indices {
                let values = scores.map { Double($0[row]) }
                let largest = values.max()!
                let weights = values.map { exp(temperature * ($0 - largest)) }
                let total = weights.reduce(0, +)
                var mean = 0.0
                var meanSquare = 0.0
                for (value, weight) in zip(values, weights) {
                    mean += value * weight / total
                    meanSquare += value * value * weight / total
                }
                gradient += mean - values[truth[row]]
                curvature += meanSquare - mean * mean
            }
            guard curvature > 1e-12 else { break }
            let next = min(100, max(0.01, temperature - gradient / curvature))
            if abs(next - temperature) < 1e-6 * temperature { break }
            temperature = next
        }
        return Float(temperature)
    }
}
