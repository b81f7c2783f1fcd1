/// Whether a plan entry is visible to the public.
public enum PlanStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case draft
    case published
}

/// The responsible ministry's answer to a civil-society proposal in the plan.
public enum GovernmentAnswer: String, Sendable, Codable, CaseIterable, Hashable {
    case agree
    case amend
    case decline
}

/// How urgent the working group considers a plan entry.
public enum Priority: String, Sendable, Codable, CaseIterable, Hashable {
    case high
    case medium
    case low
}
