/// What a record is, in the one spelling the audit log, the inbox's notices, the reminders and agenda items store
/// (the raw value) and the pages link by. Written once here: the same kind was a string literal in each of them.
public enum EntityKind: String, Sendable, Codable, CaseIterable, Hashable {
    case recommendation
    case planEntry = "plan-entry"
    case indicator
    case measurement
    case meeting
    case actionItem = "action-item"
    case agreement
    case comment
    case assessment
    case assessmentRound = "assessment-round"
    case organisation
    case workingGroup = "working-group"
    case user
    case subscription
    /// A filled implementation-plan spreadsheet, uploaded and applied.
    case matrix
    /// An import of registry files.
    case `import`
    /// A state's review, as the subject of its mid-term report reminders.
    case midTerm = "mid-term"
    /// An API token of an organisation (issue 17): made, revoked.
    case apiToken = "api-token"
    /// A webhook an administrator registered for an integration (issue 17): registered, disabled, deleted.
    case webhook
}
