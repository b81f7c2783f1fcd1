import Foundation

/// What the action item form sets.
public struct ActionItemFields: Sendable, Equatable {
    public var title: String = ""
    public var ownerUserID: Int?
    public var ownerOrganisationID: Int?
    public var dueDate: String?

    public init() {}

    public func problems() -> [(field: String, messageKey: String)] {
        var out: [(String, String)] = []
        if title.trimmingCharacters(in: .whitespaces).isEmpty { out.append(("actionTitle", "form.error.required")) }
        if title.count > 1_000 { out.append(("actionTitle", "form.error.tooLong")) }
        if ownerUserID == nil && ownerOrganisationID == nil { out.append(("ownerUserID", "action.error.owner")) }
        if let dueDate, !PlanEntryFields.isDay(dueDate) { out.append(("dueDate", "form.error.date")) }
        return out
    }
}
