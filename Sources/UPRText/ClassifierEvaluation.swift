import UPRDomain

/// Accuracy figures of a classifier on labelled rows, in the shape `upr evaluate --json` prints.
public struct EvaluationReport: Sendable, Hashable, Codable {
    /// Issue (multi-label) figures.
    public struct Issues: Sendable, Hashable, Codable {
        /// F1 over all (row, issue) decisions pooled.
        public var microF1: Double
        /// Unweighted mean of the 54 per-issue F1 scores (an issue never true nor predicted counts as 0).
        public var macroF1: Double
        /// F1 per issue name.
        public var perIssue: [String: Double]
    }

    /// Action category (single-label) figures.
    public struct Actions: Sendable, Hashable, Codable {
        /// Share of rows whose category is right.
        public var accuracy: Double
        /// Unweighted mean of per-category F1 over categories that occur in truth or prediction.
        public var macroF1: Double
    }

    /// Issue figures.
    public var issues: Issues
    /// Action category figures.
    public var actionCategory: Actions
    /// Number of rows evaluated.
    public var rows: Int
    /// Number of training rows, when the report comes from a train-and-test run.
    public var trainRows: Int?
    /// Training time in seconds, when the report comes from a train-and-test run.
    public var trainingSeconds: Double?
}

/// Scores a classifier against expert labels.
public enum ClassifierEvaluation {
    /// Evaluates `classifier` on `rows` (rows without an action category count for issues only).
    public static func evaluate(_ classifier: Classifier, on rows: [LabelledRecommendation]) -> EvaluationReport {
        let predictions = Parallel.map(rows.count) { classifier.predict(rows[$0].text) }
        let issueCount = IssueCatalog.names.count
        var truePositive = [Int](repeating: 0, count: issueCount)
        var falsePositive = truePositive
        var falseNegative = truePositive
        for (row, prediction) in zip(rows, predictions) {
            let truth = Set(row.issues.compactMap(IssueCatalog.index(of:)))
            let predicted = Set(prediction.issues.compactMap { IssueCatalog.index(of: $0.name) })
            for label in truth.union(predicted) {
                switch (truth.contains(label), predicted.contains(label)) {
                case (true, true): truePositive[label] += 1
                case (false, true): falsePositive[label] += 1
                default: falseNegative[label] += 1
                }
            }
        }
        let micro = f1(truePositive.reduce(0, +), falsePositive.reduce(0, +), falseNegative.reduce(0, +))
        var perIssue: [String: Double] = [:]
        for label in 0..<issueCount {
            perIssue[IssueCatalog.names[label]] = f1(truePositive[label], falsePositive[label], falseNegative[label])
        }
        let macro = perIssue.values.reduce(0, +) / Double(issueCount)

        var correct = 0
        var evaluated = 0
        var actionTP: [ActionCategory: Int] = [:]
        var actionFP: [ActionCategory: Int] = [:]
        var actionFN: [ActionCategory: Int] = [:]
        for (row, prediction) in zip(rows, predictions) {
            guard let truth = row.actionCategory else { continue }
            evaluated += 1
            let guess = prediction.actionCategory.category
            if guess == truth {
                correct += 1
                actionTP[truth, default: 0] += 1
            } else {
                actionFP[guess, default: 0] += 1
                actionFN[truth, default: 0] += 1
            }
        }
        let seen = ActionCategory.allCases.filter {
            (actionTP[$0] ?? 0) + (actionFP[$0] ?? 0) + (actionFN[$0] ?? 0) > 0
        }
        let actionMacro =
            seen.isEmpty
            ? 0
            : seen.map { f1(actionTP[$0] ?? 0, actionFP[$0] ?? 0, actionFN[$0] ?? 0) }.reduce(0, +) / Double(seen.count)
        return EvaluationReport(
            issues: .init(microF1: micro, macroF1: macro, perIssue: perIssue),
            actionCategory: .init(
                accuracy: evaluated == 0 ? 0 : Double(correct) / Double(evaluated), macroF1: actionMacro),
            rows: rows.count)
    }

    static func f1(_ truePositive: Int, _ falsePositive: Int, _ falseNegative: Int) -> Double {
        let denominator = 2 * truePositive + falsePositive + falseNegative
        return denominator == 0 ? 0 : 2 * Double(truePositive) / Double(denominator)
    }
}
