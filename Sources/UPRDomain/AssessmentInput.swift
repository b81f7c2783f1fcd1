import Foundation

/// What a person fills in to assess a recommendation; `problems()` names each field that is not right.
public struct AssessmentInput: Sendable, Equatable {
    public var status: ImplementationStatus?
    public var justification: String
    public var evidenceURL: String

    public init(status: ImplementationStatus?, justification: String, evidenceURL: String) {
        self.status = status
        self.justification = justification.trimmingCharacters(in: .whitespacesAndNewlines)
        self.evidenceURL = evidenceURL.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The first problem of each field, as (field, message key).
    public func problems() -> [(field: String, messageKey: String)] {
        var out: [(String, String)] = []
        if status == nil { out.append(("status", "form.error.choice")) }
        // A status without reasons cannot be weighed against another stakeholder's; "no data" needs none.
        if justification.isEmpty && status != nil && status != .noData {
            out.append(("justification", "assessment.error.justification"))
        } else if justification.count > 5_000 {
            out.append(("justification", "form.error.tooLong"))
        }
        if !evidenceURL.isEmpty && !WebAddress.isValid(evidenceURL) {
            out.append(("evidenceURL", "assessment.error.evidenceURL"))
        }
        return out
    }
}
