import UPRDomain
import UPRStore
import Vapor

/// The schedule form as posted.
struct MeetingForm: Content {
    var kind: String?
    var title: String?
    var startsLocal: String?
    var endsLocal: String?
    var timeZone: String?
    var place: String?
    var organiserID: String?
    var workingGroupID: String?
    var isPublic: String?
    var invitedOrganisationIDs: [Int]?
    var invitedUserIDs: [Int]?
    var version: Int?

    func fields() throws -> MeetingFields {
        func clean(_ value: String?) -> String { (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        var fields = MeetingFields()
        guard let kind = MeetingKind(rawValue: clean(kind)) else {
            throw StoreError.invalid(field: "kind", messageKey: "form.error.choice")
        }
        fields.kind = kind
        fields.title = clean(title)
        fields.startsLocal = clean(startsLocal)
        fields.endsLocal = clean(endsLocal)
        fields.timeZone = clean(timeZone).isEmpty ? MeetingTime.defaultZone : clean(timeZone)
        fields.place = clean(place)
        fields.organiserID = Int(clean(organiserID))
        fields.workingGroupID = Int(clean(workingGroupID))
        fields.isPublic = isPublic != nil
        fields.invitedOrganisationIDs = invitedOrganisationIDs ?? []
        fields.invitedUserIDs = invitedUserIDs ?? []
        return fields
    }
}

/// The small forms of a meeting (agenda item, decision, action item, minutes) as posted; each uses its own fields.
struct MeetingTaskForm: Content {
    var version: Int?
    var title: String?
    var notes: String?
    var recommendation: String?
    var planEntryID: String?
    var indicatorID: String?
    var agendaItemID: String?
    var text: String?
    var actionTitle: String?
    var ownerUserID: String?
    var ownerOrganisationID: String?
    var dueDate: String?
    var minutes: String?
    var attendingOrganisationIDs: [Int]?
    var attendingUserIDs: [Int]?

    static func clean(_ value: String?) -> String { (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The action item part; nil when the decision form's action fields are all empty.
    func action(required: Bool) -> ActionItemFields? {
        var fields = ActionItemFields()
        fields.title = Self.clean(actionTitle)
        fields.ownerUserID = Int(Self.clean(ownerUserID))
        fields.ownerOrganisationID = Int(Self.clean(ownerOrganisationID))
        let due = Self.clean(dueDate)
        fields.dueDate = due.isEmpty ? nil : due
        if !required && fields.title.isEmpty && fields.ownerUserID == nil && fields.ownerOrganisationID == nil
            && fields.dueDate == nil
        {
            return nil
        }
        return fields
    }

    /// The agenda item part. A recommendation is typed as its id (`#123` or `123`).
    func agendaItem() throws -> AgendaItemFields {
        var item = AgendaItemFields()
        item.title = Self.clean(title)
        item.notes = Self.clean(notes)
        let typed = Self.clean(recommendation)
        if !typed.isEmpty {
            guard let id = Int(typed.hasPrefix("#") ? String(typed.dropFirst()) : typed) else {
                throw StoreError.invalid(field: "recommendation", messageKey: "plan.error.links")
            }
            item.recommendationID = id
        }
        item.planEntryID = Int(Self.clean(planEntryID))
        if let indicator = Int(Self.clean(indicatorID)) {
            item.subjectKind = .indicator
            item.subjectID = indicator
        }
        return item
    }
}
