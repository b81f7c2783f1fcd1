import UPRDomain

/// What the classifier suggests for one text: issues, action category and clusters, each with a confidence.
///
/// Confidences are calibrated on held-out folds of the training data: a label is suggested when its
/// confidence is at least 0.5, and every text gets at least one issue (every labelled row has one).
public struct Prediction: Sendable, Hashable, Codable {
    /// Suggested UPR Info issues, most confident first.
    public var issues: [IssueSuggestion]
    /// The most likely action category.
    public var actionCategory: ActionSuggestion
    /// Seed clusters of the suggested issues, most confident first.
    public var clusters: [ClusterSuggestion]
    /// Every issue with its confidence, most confident first, for a person to pick from.
    public var allIssues: [IssueSuggestion]
    /// Every action category with its probability, most likely first.
    public var allActionCategories: [ActionSuggestion]
}

/// A UPR Info issue with the classifier's confidence in it.
public struct IssueSuggestion: Sendable, Hashable, Codable {
    /// Canonical issue name, one of `UPRInfoIssue.all`.
    public var name: String
    /// Confidence in [0, 1].
    public var confidence: Double
}

/// An action category with the classifier's confidence in it.
public struct ActionSuggestion: Sendable, Hashable, Codable {
    /// The category.
    public var category: ActionCategory
    /// Confidence in [0, 1].
    public var confidence: Double
}

/// A seed cluster with the confidence of its most confident suggested issue.
public struct ClusterSuggestion: Sendable, Hashable, Codable {
    /// The cluster.
    public var cluster: Cluster
    /// Confidence in [0, 1].
    public var confidence: Double
}
