import SQLKit
import UPRDomain

/// The records an assessment round covers: recommendations and voluntary pledges, which ask something of the state.
/// A treaty body's concern or observation is a finding, with nothing to implement, so no round lists it, no one
/// assesses it and no dashboard counts it.
enum AssessedKinds {
    /// The condition on `recommendations r` that keeps concerns and observations out.
    static let condition: SQLQueryString = "r.kind <> \(bind: RecordKind.concernObservation.rawValue)"
}
