import UPRDomain

/// The parts of the shared record that cached results depend on, each with a version of its own
/// (`RegistryVersion`): a comment raises `discussions` and leaves every cached search valid, a measurement raises
/// `indicators` and leaves the assessment rounds valid.
public enum ContentConcern: String, Sendable, CaseIterable, Hashable {
    /// Recommendations, their texts, labels, responses and recurrence groups; imports.
    case registry
    /// Plan entries, their links and the ministries' answers; filled matrices.
    case plan
    /// Assessment rounds and the assessments in them.
    case assessments
    /// Indicators and their measurements.
    case indicators
    /// Comments on recommendations and plan entries.
    case discussions
    /// Meetings, their action items, and agreements.
    case meetings
    /// Organisations and working groups, whose names the pages show.
    case organisations
    /// Accounts, subscriptions, reminders, API tokens and webhooks: nothing cached shows them.
    case accounts

    /// The concern a write of `entity` changes (the audit log's entity of the write).
    public static func of(_ entity: EntityKind) -> ContentConcern {
        switch entity {
        case .recommendation, .import: .registry
        case .planEntry, .matrix: .plan
        case .assessment, .assessmentRound: .assessments
        case .indicator, .measurement: .indicators
        case .comment: .discussions
        case .meeting, .actionItem, .agreement: .meetings
        case .organisation, .workingGroup: .organisations
        case .user, .subscription, .midTerm, .apiToken, .webhook: .accounts
        }
    }
}
