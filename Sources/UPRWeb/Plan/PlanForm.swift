import UPRDomain
import UPRStore
import Vapor

/// The plan-entry form as posted: every annex 8.1 field, the plan's scheduling, and the version that was read.
struct PlanForm: Content {
    var workingGroupID: Int?
    var goal: String?
    var expectedAction: String?
    var indicators: String?
    var leadOrganisationID: String?
    var supporterIDs: [Int]?
    var otherMechanismsNational: String?
    var otherMechanismsInternational: String?
    var linkedRecommendations: String?
    var startDate: String?
    var dueDate: String?
    var priority: String?
    var csoActivities: String?
    var version: Int?
    /// Similar recommendations ticked in the editor, and `intent` "link-similar" when their button was pressed.
    var similarIDs: [Int]?
    var intent: String?

    /// The fields, with empty text turned into nil where the field is optional.
    func fields() throws -> PlanEntryFields {
        func clean(_ value: String?) -> String { (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        func optional(_ value: String?) -> String? {
            let text = clean(value)
            return text.isEmpty ? nil : text
        }
        var fields = PlanEntryFields()
        fields.goal = clean(goal)
        fields.expectedAction = clean(expectedAction)
        fields.indicators = clean(indicators)
        fields.leadOrganisationID = optional(leadOrganisationID).flatMap(Int.init)
        fields.supporterIDs = supporterIDs ?? []
        fields.otherMechanismsNational = clean(otherMechanismsNational)
        fields.otherMechanismsInternational = clean(otherMechanismsInternational)
        fields.startDate = optional(startDate)
        fields.dueDate = optional(dueDate)
        if let raw = optional(priority) {
            guard let value = Priority(rawValue: raw) else {
                throw StoreError.invalid(field: "priority", messageKey: "form.error.choice")
            }
            fields.priority = value
        }
        fields.csoActivities = clean(csoActivities)
        // Linked recommendations are typed as ids ("#123" or "123"), separated by commas or spaces.
        var links: [Int] = []
        for token in clean(linkedRecommendations).split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }) {
            let digits = token.hasPrefix("#") ? token.dropFirst() : token[...]
            guard let id = Int(digits) else {
                throw StoreError.invalid(field: "linkedRecommendations", messageKey: "plan.error.links")
            }
            links.append(id)
        }
        fields.linkedRecommendationIDs = links
        return fields
    }
}
