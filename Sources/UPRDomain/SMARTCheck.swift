/// The SMART check of the seed (section 5: indicators must be specific, measurable, achievable, relevant and
/// time-bound): for each criterion, whether the indicator meets it and, if not, what it lacks, as catalog keys.
public struct SMARTCheck: Sendable, Equatable {
    public enum Criterion: String, Sendable, CaseIterable, Hashable {
        case specific, measurable, achievable, relevant
        case timeBound = "time-bound"

        public var labelKey: String { "smart.\(rawValue)" }
    }

    public struct Result: Sendable, Equatable {
        public var criterion: Criterion
        /// What is missing, as catalog keys; empty when the criterion is met.
        public var problems: [String]
        /// Remarks that do not fail the criterion (e.g. no measurements yet to judge the trend).
        public var notes: [String]
        public var passes: Bool { problems.isEmpty }
    }

    /// Shortest title and definition that can say what is measured, in characters.
    public static let minimumTitle = 10
    public static let minimumDefinition = 40
    /// A target needing more than this many times the pace observed so far is not judged achievable.
    public static let maximumPaceRatio = 3.0

    public var results: [Result]

    public var passesAll: Bool { results.allSatisfy(\.passes) }
    public var passedCount: Int { results.filter(\.passes).count }

    public func result(_ criterion: Criterion) -> Result { results.first { $0.criterion == criterion }! }

    /// Checks `draft`; `observations` are its accepted measurements (any order) for the trend.
    public init(_ draft: IndicatorDraft, observations: [Observation] = []) {
        results = [
            Self.specific(draft), Self.measurable(draft), Self.achievable(draft, observations), Self.relevant(draft),
            Self.timeBound(draft),
        ]
    }

    static func specific(_ draft: IndicatorDraft) -> Result {
        var problems: [String] = []
        let title = draft.title.trimmed
        let definition = draft.definition.trimmed
        if title.count < minimumTitle { problems.append("smart.problem.shortTitle") }
        if definition.count < minimumDefinition { problems.append("smart.problem.shortDefinition") }
        // A definition that only repeats the recommendation says what to do, not what to count.
        let words = normalised(definition)
        if !words.isEmpty,
            draft.recommendationTexts.contains(where: { text in
                let recommendation = normalised(text)
                return recommendation == words || (words.count >= 20 && recommendation.contains(words))
            })
        {
            problems.append("smart.problem.copiesRecommendation")
        }
        return Result(criterion: .specific, problems: problems, notes: [])
    }

    static func measurable(_ draft: IndicatorDraft) -> Result {
        var problems: [String] = []
        if draft.unit.trimmed.isEmpty { problems.append("smart.problem.noUnit") }
        if draft.baselineValue == nil { problems.append("smart.problem.noBaselineValue") }
        if draft.baselineDate == nil { problems.append("smart.problem.noBaselineDate") }
        return Result(criterion: .measurable, problems: problems, notes: [])
    }

    /// Compares the pace the target needs (from the baseline to the target date) with the pace of the measurements
    /// so far (from the baseline to the latest measurement).
    static func achievable(_ draft: IndicatorDraft, _ observations: [Observation]) -> Result {
        guard let baseline = draft.baselineValue, let target = draft.targetValue else {
            return Result(criterion: .achievable, problems: ["smart.problem.noTargetValue"], notes: [])
        }
        if baseline == target { return Result(criterion: .achievable, problems: ["smart.problem.noChange"], notes: []) }
        guard let start = draft.baselineDate, let end = draft.targetDate, end > start else {
            return Result(criterion: .achievable, problems: [], notes: ["smart.note.noPace"])
        }
        let needed = (target - baseline) / Double(end.dayNumber - start.dayNumber)
        let later = observations.filter { $0.day > start }.sorted { $0.day < $1.day }
        guard let latest = later.last else {
            return Result(criterion: .achievable, problems: [], notes: ["smart.note.noTrend"])
        }
        let observed = (latest.value - baseline) / Double(latest.day.dayNumber - start.dayNumber)
        if observed == 0 || (observed > 0) != (needed > 0) {
            return Result(criterion: .achievable, problems: ["smart.problem.wrongTrend"], notes: [])
        }
        if needed / observed > maximumPaceRatio {
            return Result(criterion: .achievable, problems: ["smart.problem.tooFast"], notes: [])
        }
        return Result(criterion: .achievable, problems: [], notes: [])
    }

    static func relevant(_ draft: IndicatorDraft) -> Result {
        Result(
            criterion: .relevant, problems: draft.linkCount > 0 ? [] : ["smart.problem.noLink"], notes: [])
    }

    static func timeBound(_ draft: IndicatorDraft) -> Result {
        guard let target = draft.targetDate else {
            return Result(criterion: .timeBound, problems: ["smart.problem.noTargetDate"], notes: [])
        }
        if let baseline = draft.baselineDate, target <= baseline {
            return Result(criterion: .timeBound, problems: ["smart.problem.targetBeforeBaseline"], notes: [])
        }
        return Result(criterion: .timeBound, problems: [], notes: [])
    }

    /// Lower-case words and digits separated by single spaces, so punctuation and spacing do not hide a copy.
    static func normalised(_ text: String) -> String {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: " ")
    }
}

extension String {
    var trimmed: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
