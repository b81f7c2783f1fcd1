import Foundation
import UPRDomain

/// The work behind `upr train`, `upr evaluate`, `upr classify` and `upr similar`, as plain functions that return
/// the text to print, so the command wrappers stay trivial and tests call these directly.
public enum TextTool {
    /// Trains on every row of the UPR Info exports in `dataFiles`, writes the model to `output`, and returns a
    /// summary line.
    public static func train(dataFiles: [URL], output: URL, options: TrainingOptions = TrainingOptions()) throws
        -> String
    {
        let rows = try LabelledRecommendation.load(files: dataFiles)
        guard !rows.isEmpty else { throw TextToolError.noRows }
        let start = DispatchTime.now().uptimeNanoseconds
        let classifier = ClassifierTrainer.train(rows, options: options)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        try FileManager.default.createDirectory(
            at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        try classifier.write(to: output)
        let bytes = classifier.serialized().count
        return "trained on \(rows.count) rows in \(format(seconds)) s; model \(output.path) (\(bytes) bytes, "
            + "\(classifier.features.count) features)"
    }

    /// Trains on `trainFiles` and scores on `testFiles` (each optionally restricted to a session range), through
    /// the saved model bytes, so the figures are those of the model a `train` would write.
    public static func evaluate(
        trainFiles: [URL], testFiles: [URL], trainSessions: ClosedRange<Int>? = nil,
        testSessions: ClosedRange<Int>? = nil, json: Bool = false, options: TrainingOptions = TrainingOptions()
    ) throws -> String {
        func inRange(_ range: ClosedRange<Int>?) -> (LabelledRecommendation) -> Bool {
            { row in range.map { range in row.session.map(range.contains) ?? false } ?? true }
        }
        let train = try LabelledRecommendation.load(files: trainFiles).filter(inRange(trainSessions))
        let test = try LabelledRecommendation.load(files: testFiles).filter(inRange(testSessions))
        guard !train.isEmpty, !test.isEmpty else { throw TextToolError.noRows }
        let start = DispatchTime.now().uptimeNanoseconds
        let trained = ClassifierTrainer.train(train, options: options)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let classifier = try Classifier(serialized: trained.serialized())
        var report = ClassifierEvaluation.evaluate(classifier, on: test)
        report.trainRows = train.count
        report.trainingSeconds = seconds
        if json { return try encode(report) }
        return """
            trained on \(train.count) rows in \(format(seconds)) s, tested on \(test.count) rows
            issues:          micro-F1 \(format(report.issues.microF1))  macro-F1 \(format(report.issues.macroF1))
            action category: accuracy \(format(report.actionCategory.accuracy))  macro-F1 \
            \(format(report.actionCategory.macroF1))
            """
    }

    /// Classifies one text with `classifier` (the shipped model when nil).
    public static func classify(_ text: String, classifier: Classifier? = nil, json: Bool = false) throws -> String {
        let prediction = try (classifier ?? Classifier.load()).predict(text)
        if json { return try encode(prediction) }
        var lines = ["issues (machine suggestion):"]
        for issue in prediction.issues { lines.append("  \(format(issue.confidence))  \(issue.name)") }
        let action = prediction.actionCategory
        lines.append("action category: \(action.category.rawValue) (\(action.category)) \(format(action.confidence))")
        lines.append(
            "clusters: "
                + prediction.clusters.map { "\($0.cluster.rawValue) \(format($0.confidence))" }
                .joined(separator: ", "))
        return lines.joined(separator: "\n")
    }

    /// What `similar` is asked for.
    public enum SimilarRequest: Sendable, Hashable {
        /// The texts nearest to a free text.
        case text(String)
        /// The texts nearest to the document with this id.
        case id(Int)
        /// Every pair at or above the threshold.
        case allPairs(threshold: Double)
        /// Groups of recurring recommendations linked by pairs at or above the threshold.
        case groups(threshold: Double)
    }

    /// The hook for the product: similarity over any `(id, text)` documents (e.g. recommendation rows from the
    /// database). `items` (same ids) are needed only for `.groups`.
    public static func similar(
        documents: [(id: Int, text: String)], request: SimilarRequest, top: Int = 10,
        items: [RecurrenceItem] = [], json: Bool = false
    ) throws -> String {
        let index = SimilarityIndex(documents)
        switch request {
        case .text(let text):
            return try render(index.query(text, top: top), json: json)
        case .id(let id):
            guard documents.contains(where: { $0.id == id }) else { throw TextToolError.unknownID(id) }
            return try render(index.neighbours(ofID: id, top: top), json: json)
        case .allPairs(let threshold):
            let pairs = index.allPairs(threshold: threshold)
            if json { return try encode(pairs) }
            return pairs.map { "\($0.first)\t\($0.second)\t\(format($0.score))" }.joined(separator: "\n")
        case .groups(let threshold):
            let groups = RecurrenceGrouping.groups(items: items, pairs: index.allPairs(threshold: threshold))
            if json { return try encode(groups) }
            return groups.map { group in
                "\(group.stateUnderReview)\t\(group.kinds.map(\.rawValue).joined(separator: ","))\t"
                    + "cycles \(group.cycles.map(String.init).joined(separator: ","))\t"
                    + "ids \(group.ids.map(String.init).joined(separator: ","))"
            }.joined(separator: "\n")
        }
    }

    /// `similar` over a CSV file: a UPR Info export (one document per recommendation, see
    /// `SimilarityCorpus.recommendations`) or any CSV with a `text` column; ids are 1-based data rows.
    public static func similar(corpus: URL, request: SimilarRequest, top: Int = 10, json: Bool = false) throws
        -> String
    {
        let recommendations = SimilarityCorpus.recommendations(try CSVTable(contentsOf: corpus))
        return try similar(
            documents: recommendations.map { ($0.id, $0.text) }, request: request, top: top,
            items: recommendations.map(\.recurrenceItem), json: json)
    }

    /// Parses a session selection for `evaluate`: one session ("13") or an inclusive range ("13-16").
    public static func sessionRange(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map {
            Int($0.trimmingCharacters(in: .whitespaces))
        }
        switch parts.count {
        case 1: return parts[0].map { $0...$0 }
        case 2:
            guard let lower = parts[0], let upper = parts[1], lower <= upper else { return nil }
            return lower...upper
        default: return nil
        }
    }

    private static func render(_ matches: [SimilarityMatch], json: Bool) throws -> String {
        if json { return try encode(matches) }
        return matches.map { "\($0.id)\t\(format($0.score))" }.joined(separator: "\n")
    }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func format(_ value: Double) -> String { String(format: "%.3f", value) }
}

/// Why a text command could not run.
public enum TextToolError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input files held no usable rows.
    case noRows
    /// `similar --id` named an id that is not in the corpus.
    case unknownID(Int)

    /// A sentence for the terminal.
    public var description: String {
        switch self {
        case .noRows: "no labelled rows in the input files"
        case .unknownID(let id): "no recommendation with id \(id) in the corpus"
        }
    }
}
