/// Whether the stakeholders' assessments of one recommendation in one round agree.
public enum AssessmentAgreement: String, Sendable, Codable, Hashable {
    /// Nobody has assessed it, or only one organisation has.
    case single
    /// Everyone who could tell gave the same status.
    case agree
    /// At least two organisations gave different statuses; the page says so.
    case disagree

    /// "No data" does not contradict anything: it says the organisation cannot tell, not that it sees otherwise.
    public init(_ statuses: [ImplementationStatus]) {
        let known = statuses.filter { $0 != .noData }
        if known.count < 2 {
            self = .single
        } else {
            self = Set(known).count == 1 ? .agree : .disagree
        }
    }
}
