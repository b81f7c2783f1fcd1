import ArgumentParser
import Foundation
import UPRText

// ArgumentParser wrappers of the text-intelligence commands (issue 5). Each one only parses its options and prints
// what the matching `TextTool` function returns; the work and its tests live in UPRText.

/// `upr train`: fits the recommendation classifier on UPR Info exports and writes the model file.
public struct TrainCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the recommendation classifier (UPR Info issues, action category) from labelled exports.",
        discussion: """
            Deterministic: the same files give the same model bytes. The shipped model is \
            Sources/UPRText/Model/classifier.uprtext, written by this command from \
            ../shared/data/upr-info/recommendations-sessions-01-16.csv.
            """)

    @Option(
        name: .customLong("data"), parsing: .upToNextOption,
        help: "UPR Info export CSV file(s) with the Text, Issue and Action columns.")
    var data: [String]

    @Option(name: .customLong("out"), help: "Where to write the model file.")
    var out: String = "Sources/UPRText/Model/classifier.uprtext"

    public init() {}

    public mutating func run() async throws {
        print(try TextTool.train(dataFiles: data.map(URL.init(fileURLWithPath:)), output: URL(fileURLWithPath: out)))
    }
}

/// `upr evaluate`: trains on some rows, scores on others, prints micro/macro-F1 and accuracy.
public struct EvaluateCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Train on --train and report issue micro/macro-F1 and action-category accuracy/macro-F1 on --test.",
        discussion: """
            The development split is one file with sessions: --train FILE --train-sessions 1-12 \
            --test FILE --test-sessions 13-16. Scores are those of the saved model bytes.
            """)

    @Option(name: .customLong("train"), parsing: .upToNextOption, help: "UPR Info export CSV file(s) to train on.")
    var train: [String]

    @Option(name: .customLong("test"), parsing: .upToNextOption, help: "UPR Info export CSV file(s) to test on.")
    var test: [String]

    @Option(name: .customLong("train-sessions"), help: "Only training rows of these sessions, e.g. 1-12.")
    var trainSessions: String?

    @Option(name: .customLong("test-sessions"), help: "Only test rows of these sessions, e.g. 13-16.")
    var testSessions: String?

    @Flag(name: .customLong("json"), help: "Print JSON (issues.microF1, issues.macroF1, actionCategory.accuracy, …).")
    var json = false

    public init() {}

    public mutating func run() async throws {
        func range(_ text: String?, _ option: String) throws -> ClosedRange<Int>? {
            guard let text else { return nil }
            guard let range = TextTool.sessionRange(text) else {
                throw ValidationError("\(option) takes a session or a range such as 13-16, not '\(text)'")
            }
            return range
        }
        print(
            try TextTool.evaluate(
                trainFiles: train.map(URL.init(fileURLWithPath:)), testFiles: test.map(URL.init(fileURLWithPath:)),
                trainSessions: try range(trainSessions, "--train-sessions"),
                testSessions: try range(testSessions, "--test-sessions"), json: json))
    }
}

/// `upr classify "TEXT"`: the machine's suggestions for one recommendation.
public struct ClassifyCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Suggest UPR Info issues, action category and clusters for a recommendation text, with confidences.")

    @Argument(help: "The recommendation text.")
    var text: String

    @Option(name: .customLong("model"), help: "A model file to use instead of the shipped one.")
    var model: String?

    @Flag(name: .customLong("json"), help: "Print the full prediction as JSON.")
    var json = false

    public init() {}

    public mutating func run() async throws {
        let classifier = try model.map { try Classifier(contentsOf: URL(fileURLWithPath: $0)) }
        print(try TextTool.classify(text, classifier: classifier, json: json))
    }
}

/// `upr similar`: nearest recommendations to a text or an id, every pair above a threshold, or recurring groups.
public struct SimilarCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "Find the same or nearly the same recommendation (TF-IDF cosine) in a corpus.",
        discussion: """
            Give exactly one of TEXT, --id N, --all or --groups. Ids are 1-based data rows of --corpus (a UPR Info \
            export; rows repeating one recommendation per recommending state count once). --all prints every pair \
            with cosine >= --threshold, exactly; --groups prints recurring recommendations (across cycles, several \
            states, several mechanisms) within each state under review.
            """)

    @Argument(help: "A recommendation text to find neighbours of.")
    var text: String?

    @Option(name: .customLong("id"), help: "The id of a recommendation in the corpus to find neighbours of.")
    var id: Int?

    @Flag(name: .customLong("all"), help: "Print every pair at or above --threshold.")
    var all = false

    @Flag(name: .customLong("groups"), help: "Print groups of recurring recommendations linked at --threshold.")
    var groups = false

    @Option(name: .customLong("threshold"), help: "Cosine threshold for --all and --groups.")
    var threshold = 0.8

    @Option(name: .customLong("top"), help: "How many neighbours to print for TEXT or --id.")
    var top = 10

    @Option(name: .customLong("corpus"), help: "UPR Info export (or any CSV with a text column) to search.")
    var corpus: String

    @Flag(name: .customLong("json"), help: "Print JSON.")
    var json = false

    public init() {}

    public mutating func validate() throws {
        let chosen = [text != nil, id != nil, all, groups].filter { $0 }.count
        guard chosen == 1 else { throw ValidationError("give exactly one of TEXT, --id, --all or --groups") }
        guard threshold > 0, threshold <= 1 else { throw ValidationError("--threshold must be in (0, 1]") }
        guard top > 0 else { throw ValidationError("--top must be positive") }
    }

    public mutating func run() async throws {
        let request: TextTool.SimilarRequest
        if let text {
            request = .text(text)
        } else if let id {
            request = .id(id)
        } else if all {
            request = .allPairs(threshold: threshold)
        } else {
            request = .groups(threshold: threshold)
        }
        print(try TextTool.similar(corpus: URL(fileURLWithPath: corpus), request: request, top: top, json: json))
    }
}
