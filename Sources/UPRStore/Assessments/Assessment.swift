import Foundation
import UPRDomain

/// One organisation's assessment of one recommendation in one round.
public struct Assessment: Sendable, Equatable, Codable {
    public var id: Int
    public var roundID: Int
    public var recommendationID: Int
    public var organisationID: Int
    public var organisationName: String
    public var perspective: Perspective
    public var status: ImplementationStatus
    public var justification: String
    public var evidenceURL: String?
    public var recordedByName: String?
    public var version: Int
    public var updatedAt: String
}

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
        if !evidenceURL.isEmpty && !Self.isWebAddress(evidenceURL) {
            out.append(("evidenceURL", "assessment.error.evidenceURL"))
        }
        return out
    }

    /// An absolute http or https address with a host, at most 2,000 characters: something a reader can open.
    static func isWebAddress(_ text: String) -> Bool {
        guard text.count <= 2_000, !text.contains(where: \.isWhitespace),
            let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { return false }
        return true
    }
}
