import UPRDomain

/// Something a person or an organisation has to do by a date: from a meeting's decision, or an agreement's
/// commitment.
public struct ActionItem: Sendable, Equatable, Codable {
    public var id: Int
    public var meetingID: Int?
    public var meetingTitle: String?
    public var workingGroupID: Int?
    public var agreementID: Int?
    public var agreementTitle: String?
    public var decisionID: Int?
    public var title: String
    public var ownerUserID: Int?
    public var ownerUserName: String?
    public var ownerOrganisationID: Int?
    public var ownerOrganisationName: String?
    public var dueDate: String?
    public var status: ActionItemStatus
    public var version: Int

    /// The facts the permission rules need to let someone move this item along.
    public var updateAction: Action {
        .updateActionItem(
            ownerUserID: ownerUserID, ownerOrganisationID: ownerOrganisationID, workingGroupID: workingGroupID)
    }
}
