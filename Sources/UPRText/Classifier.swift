import Foundation
import UPRDomain

/// The trained text classifier: UPR Info issues (multi-label), action category, and the clusters that follow.
///
/// Immutable and `Sendable`: load it once (`Classifier.load()` for the model shipped in the bundle) and share
/// it between requests.
public struct Classifier: Sendable {
    let features: ClassifierFeatures
    /// One scorer per issue, in `IssueCatalog.names` order.
    let issueModels: [QuantizedLinearModel]
    /// Decision value at which each issue is suggested (confidence 0.5).
    let issueThresholds: [Float]
    /// Slope of each issue's confidence sigmoid around its threshold.
    let issueSlopes: [Float]
    /// One scorer per action category, in `ActionCategory.allCases` order.
    let actionModels: [QuantizedLinearModel]
    /// Softmax sharpness turning action decision values into probabilities.
    let actionTemperature: Float
    /// Weights expanded to a dense feature-major matrix (`feature * labelCount + label`) for fast scoring.
    private let dense: [Float]
    private let labelCount: Int

    init(
        features: ClassifierFeatures, issueModels: [QuantizedLinearModel], issueThresholds: [Float],
        issueSlopes: [Float], actionModels: [QuantizedLinearModel], actionTemperature: Float
    ) {
        self.features = features
        self.issueModels = issueModels
        self.issueThresholds = issueThresholds
        self.issueSlopes = issueSlopes
        self.actionModels = actionModels
        self.actionTemperature = actionTemperature
        let models = issueModels + actionModels
        labelCount = models.count
        var dense = [Float](repeating: 0, count: features.count * models.count)
        for (label, model) in models.enumerated() {
            for (index, level) in zip(model.indices, model.levels) {
                dense[Int(index) * models.count + label] = Float(level) * model.scale
            }
        }
        self.dense = dense
    }

    // MARK: Loading

    private static let shipped: Result<Classifier, any Error> = Result {
        guard let directory = Bundle.module.url(forResource: "Model", withExtension: nil) else {
            throw ModelFileError.notBundled
        }
        return try Classifier(contentsOf: directory.appendingPathComponent(modelFileName))
    }

    /// File name of the model inside the bundle's `Model` directory.
    public static let modelFileName = "classifier.uprtext"

    /// The model shipped with the package, read from the bundle on first use and shared afterwards.
    public static func load() throws -> Classifier { try shipped.get() }

    /// Reads a model file written by `write(to:)`.
    public init(contentsOf url: URL) throws {
        try self.init(serialized: [UInt8](Data(contentsOf: url)))
    }

    /// Writes the model file; the same model always gives the same bytes.
    public func write(to url: URL) throws {
        try Data(serialized()).write(to: url, options: .atomic)
    }

    // MARK: Prediction

    /// Suggestions for one text; any input (empty, huge, any script) is accepted.
    public func predict(_ text: String) -> Prediction {
        let scores = decisionValues(text)
        var allIssues: [IssueSuggestion] = []
        allIssues.reserveCapacity(issueModels.count)
        for label in issueModels.indices {
            let confidence = Self.sigmoid(issueSlopes[label] * (scores[label] - issueThresholds[label]))
            allIssues.append(IssueSuggestion(name: IssueCatalog.names[label], confidence: Double(confidence)))
        }
        allIssues.sort { $0.confidence != $1.confidence ? $0.confidence > $1.confidence : $0.name < $1.name }
        var issues = allIssues.filter { $0.confidence >= 0.5 }
        if issues.isEmpty, let best = allIssues.first { issues = [best] }

        let actionScores = scores[issueModels.count...].map { $0 * actionTemperature }
        let largest = actionScores.max() ?? 0
        let exponentials = actionScores.map { Foundation.exp(Double($0 - largest)) }
        let total = exponentials.reduce(0, +)
        var allActions = zip(ActionCategory.allCases, exponentials).map {
            ActionSuggestion(category: $0, confidence: $1 / total)
        }
        allActions.sort { $0.confidence != $1.confidence ? $0.confidence > $1.confidence : $0.category < $1.category }

        var clusterConfidence: [Cluster: Double] = [:]
        for issue in issues {
            guard let cluster = UPRInfoIssue.cluster(of: issue.name) else { continue }
            clusterConfidence[cluster] = max(clusterConfidence[cluster] ?? 0, issue.confidence)
        }
        let clusters = Cluster.allCases.compactMap { cluster in
            clusterConfidence[cluster].map { ClusterSuggestion(cluster: cluster, confidence: $0) }
        }.sorted { $0.confidence > $1.confidence }

        return Prediction(
            issues: issues, actionCategory: allActions[0], clusters: clusters, allIssues: allIssues,
            allActionCategories: allActions)
    }

    /// Suggestions for many texts, computed on all cores, in the order of `texts`.
    public func predict(_ texts: [String]) -> [Prediction] {
        Parallel.map(texts.count) { predict(texts[$0]) }
    }

    /// Raw decision values: issues in `IssueCatalog` order, then action categories.
    func decisionValues(_ text: String) -> [Float] {
        decisionValues(features.vector(text))
    }

    /// Raw decision values of an already computed feature vector.
    func decisionValues(_ vector: (columns: [Int32], values: [Float])) -> [Float] {
        var scores = (issueModels + actionModels).map(\.bias)
        dense.withUnsafeBufferPointer { dense in
            scores.withUnsafeMutableBufferPointer { scores in
                for (column, value) in zip(vector.columns, vector.values) {
                    let base = Int(column) * labelCount
                    for label in 0..<labelCount { scores[label] += value * dense[base + label] }
                }
            }
        }
        return scores
    }

    static func sigmoid(_ x: Float) -> Float { 1 / (1 + Foundation.exp(-x)) }

    // MARK: File format

    private static let magic: [UInt8] = Array("UPRTEXT\u{1}".utf8)

    /// The model file's bytes: header, front-coded vocabulary with IDF, then the sparse Int8 scorers.
    public func serialized() -> [UInt8] {
        var writer = ByteWriter()
        writer.write(raw: Self.magic)
        writer.write(features.leadWeight)
        writer.writeVarint(features.count)
        var previous: [UInt8] = []
        for key in features.keys {
            // Keys are sorted, so each shares a prefix with the one before: store only the new tail.
            let bytes = Array(key.utf8)
            var shared = 0
            while shared < min(previous.count, bytes.count) && previous[shared] == bytes[shared] { shared += 1 }
            writer.writeVarint(shared)
            writer.writeVarint(bytes.count - shared)
            writer.write(raw: Array(bytes[shared...]))
            previous = bytes
        }
        for value in features.idf { writer.write(value) }
        writer.writeVarint(issueModels.count)
        for label in issueModels.indices {
            writer.write(IssueCatalog.names[label])
            writer.write(issueThresholds[label])
            writer.write(issueSlopes[label])
            issueModels[label].write(to: &writer)
        }
        writer.writeVarint(actionModels.count)
        for model in actionModels { model.write(to: &writer) }
        writer.write(actionTemperature)
        return writer.bytes
    }

    /// Reads model bytes; throws `ModelFileError` on anything but a complete file of this format.
    public init(serialized bytes: [UInt8]) throws {
        var reader = ByteReader(bytes)
        guard Array(try reader.readRaw(Self.magic.count)) == Self.magic else { throw ModelFileError.badHeader }
        let leadWeight = try reader.readFloat()
        let featureCount = try reader.readVarint()
        var keys: [String] = []
        keys.reserveCapacity(featureCount)
        var previous: [UInt8] = []
        for _ in 0..<featureCount {
            let shared = try reader.readVarint()
            let tail = try reader.readVarint()
            guard shared <= previous.count else { throw ModelFileError.malformed("bad key prefix") }
            let bytes = Array(previous[..<shared]) + Array(try reader.readRaw(tail))
            keys.append(String(decoding: bytes, as: UTF8.self))
            previous = bytes
        }
        var idf: [Float] = []
        idf.reserveCapacity(featureCount)
        for _ in 0..<featureCount { idf.append(try reader.readFloat()) }
        let features = ClassifierFeatures(keys: keys, idf: idf, leadWeight: leadWeight)

        let issueCount = try reader.readVarint()
        guard issueCount == IssueCatalog.names.count else { throw ModelFileError.malformed("issue count") }
        var issueModels: [QuantizedLinearModel] = []
        var thresholds: [Float] = []
        var slopes: [Float] = []
        for label in 0..<issueCount {
            guard try reader.readString() == IssueCatalog.names[label] else {
                throw ModelFileError.malformed("issue order")
            }
            thresholds.append(try reader.readFloat())
            slopes.append(try reader.readFloat())
            issueModels.append(try QuantizedLinearModel.read(from: &reader, featureCount: featureCount))
        }
        let actionCount = try reader.readVarint()
        guard actionCount == ActionCategory.allCases.count else { throw ModelFileError.malformed("action count") }
        var actionModels: [QuantizedLinearModel] = []
        for _ in 0..<actionCount {
            actionModels.append(try QuantizedLinearModel.read(from: &reader, featureCount: featureCount))
        }
        let temperature = try reader.readFloat()
        guard reader.isAtEnd else { throw ModelFileError.malformed("trailing bytes") }
        self.init(
            features: features, issueModels: issueModels, issueThresholds: thresholds, issueSlopes: slopes,
            actionModels: actionModels, actionTemperature: temperature)
    }
}
