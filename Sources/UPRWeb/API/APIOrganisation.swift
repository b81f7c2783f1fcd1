import UPRStore

/// An organisation of the coordination (a ministry, the NHRI, a CSO, a UN agency, an embassy…), with the names it
/// had before and its working groups. No people: accounts are not published.
struct APIOrganisation: Encodable, Sendable {
    struct FormerName: Encodable, Sendable {
        var name: String
        var validFrom: String?
        var validTo: String?
    }

    var id: Int
    var name: String
    var kind: String
    var representsState: String?
    var validFrom: String?
    var validTo: String?
    var formerNames: [FormerName]
    var workingGroupIds: [Int]
    var version: Int

    init(_ organisation: Organisation) {
        id = organisation.id
        name = organisation.name
        kind = organisation.kind.rawValue
        representsState = organisation.representsState
        validFrom = organisation.validFrom
        validTo = organisation.validTo
        formerNames = organisation.formerNames.map {
            FormerName(name: $0.name, validFrom: $0.validFrom, validTo: $0.validTo)
        }
        workingGroupIds = organisation.workingGroupIDs
        version = organisation.version
    }
}
