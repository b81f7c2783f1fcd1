import UPRStore

/// An action item of a meeting, or a commitment of an agreement: what, who and by when. A person is named only to
/// programs that read as an organisation; the public sees the owner organisation.
struct APIActionItem: Encodable, Sendable {
    var id: Int
    var title: String
    var ownerOrganisation: APIReference?
    var ownerPerson: String?
    var dueDate: String?
    var status: String
    var version: Int

    init(_ item: ActionItem, namesPeople: Bool) {
        id = item.id
        title = item.title
        ownerOrganisation = APIReference(id: item.ownerOrganisationID, name: item.ownerOrganisationName)
        ownerPerson = namesPeople ? item.ownerUserName : nil
        dueDate = item.dueDate
        status = item.status.rawValue
        version = item.version
    }
}
