extension Principal {
    /// How the rules see a request made with an organisation's API token: as the least a person of that
    /// organisation could be, never an administrator (even the secretariat's own token), so that a token never
    /// does more than its organisation's people may. Government bodies act as a focal point (they answer for their
    /// own organisation), the NHRI and civil society as a member of their working groups, UN agencies, embassies and
    /// the coordinating body as an observer (who may still share data as an indicator's data partner).
    /// `userID` is 0: no account has that id, so no rule about a person's own records matches a token.
    public static func token(organisationID: Int, kind: OrganisationKind, workingGroupIDs: Set<Int>) -> Principal {
        let role: Role =
            switch kind {
            case .ministry, .governmentAgency, .parliament: .focalPoint
            case .nhri, .cso: .csoMember
            case .unAgency, .embassy, .coordinatingBody: .observer
            }
        return Principal(userID: 0, role: role, organisationID: organisationID, workingGroupIDs: workingGroupIDs)
    }
}
