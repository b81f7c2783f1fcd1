/// A signed-in person as the rules see them: role, organisation and the working groups that organisation is in.
public struct Principal: Sendable, Hashable {
    public var userID: Int
    public var role: Role
    public var organisationID: Int?
    public var workingGroupIDs: Set<Int>

    public init(userID: Int, role: Role, organisationID: Int?, workingGroupIDs: Set<Int> = []) {
        self.userID = userID
        self.role = role
        self.organisationID = organisationID
        self.workingGroupIDs = workingGroupIDs
    }
}

/// Everything that changes data, with the facts each rule needs.
public enum Action: Sendable, Hashable {
    /// Draft, edit or publish the plan entry of a working group.
    case draftPlanEntry(workingGroupID: Int)
    /// Start a plan entry where a recommendation has none, for a group still to be chosen: whoever may draft for
    /// at least one of their working groups (the "Draft a plan entry" links).
    case startPlanEntry
    /// Answer a plan entry on behalf of the responsible (lead) organisation.
    case answerPlanEntry(leadOrganisationID: Int?)
    /// Record a later change of a state's response to a recommendation.
    case changeResponse
    /// Confirm, reject or add a recommendation's labels (issues, action category): the people who work with the
    /// recommendations, not observers.
    case reviewLabels
    /// Import a filled matrix; each row is checked again as `draftPlanEntry`.
    case importMatrix
    case manageOrganisations
    case manageWorkingGroups
    case manageAccounts
    /// See draft plan entries and members-only content.
    case readDrafts
    /// Open an assessment round (for the annual assessment meeting) or close it, which freezes it as a snapshot.
    case manageAssessmentRounds
    /// Record an organisation's own assessment of a recommendation in an open round.
    case assess(organisationID: Int)
    /// Create an indicator for the plan entries of these working groups (empty: tracking recommendations only).
    case createIndicator(entryGroupIDs: Set<Int>)
    /// Edit an indicator: its fields, links and data partners.
    case editIndicator(responsibleOrganisationID: Int?)
    /// Enter a measurement of an indicator: the responsible organisation, or a data partner sharing its data.
    case enterMeasurement(responsibleOrganisationID: Int?, dataPartnerIDs: Set<Int>)
    /// Accept or reject a measurement.
    case reviewMeasurement
    /// Schedule a meeting; `workingGroupID` is the group it belongs to (nil for a meeting of no group).
    case createMeeting(workingGroupID: Int?)
    /// Run a meeting: edit it, its agenda, attendance, minutes, decisions and action items, hold or cancel it.
    case runMeeting(workingGroupID: Int?)
    /// Move an action item or a commitment along (open, in progress, done, cancelled): its owner (the person, or
    /// the people of the owner organisation) and whoever runs the meeting it came from.
    case updateActionItem(ownerUserID: Int?, ownerOrganisationID: Int?, workingGroupID: Int?)
    /// Record an agreement (a letter of intent) and its commitments.
    case manageAgreements
    /// Follow a recommendation, cluster, ministry or state, and choose one's own mail digest: any account, an
    /// embassy's observer as much as a CSO member, since it changes only what that person is told.
    case manageOwnSubscriptions
    /// Write a comment or a reply in the discussion of a recommendation or a plan entry.
    case comment
    /// Mark a reply as the formal answer of the organisation responsible for the plan entry (for a recommendation:
    /// the lead organisation of its plan entry); nil when nobody is responsible yet.
    case answerFormally(leadOrganisationID: Int?)
    /// Hide a comment from every page (it stays, with the reason, in the audit log).
    case hideComment
    /// Upload files into the registry in the browser, preview and apply them, and read the import history.
    case importRecords
    /// Make, list and revoke the API tokens through which other systems act for an organisation.
    case manageAPITokens
    /// Register, disable and delete the webhooks that tell other systems of events, and send a delivery again.
    case manageWebhooks
}

/// The permission rules in one place, as a pure function, so one table-driven test covers them all.
public enum Authorization {
    public static func allows(_ actor: Principal?, _ action: Action) -> Bool {
        guard let actor else { return false }
        if actor.role == .administrator { return true }
        switch action {
        case .draftPlanEntry(let group):
            return actor.role == .csoMember && actor.workingGroupIDs.contains(group)
        case .answerPlanEntry(let lead):
            return actor.role == .focalPoint && lead != nil && lead == actor.organisationID
        case .importMatrix, .startPlanEntry:
            return actor.role == .csoMember && !actor.workingGroupIDs.isEmpty
        case .readDrafts, .manageOwnSubscriptions, .comment:
            // Any signed-in account: sessions exist only for active accounts.
            return true
        case .answerFormally(let lead):
            // The ministry speaks through its focal points: a CSO member of the same organisation cannot answer.
            return actor.role == .focalPoint && lead != nil && lead == actor.organisationID
        case .assess(let organisation):
            // Each stakeholder speaks for itself: observers (UN agencies, embassies) read, they do not assess.
            return (actor.role == .focalPoint || actor.role == .csoMember) && actor.organisationID == organisation
        case .reviewLabels:
            return actor.role == .csoMember || actor.role == .focalPoint
        case .createIndicator(let groups):
            return actor.role == .focalPoint
                || (actor.role == .csoMember && !groups.isDisjoint(with: actor.workingGroupIDs))
        case .editIndicator(let responsible):
            return actor.role != .observer && responsible != nil && responsible == actor.organisationID
        case .enterMeasurement(let responsible, let partners):
            // A data partner is often a UN agency whose people are observers elsewhere: sharing its data is the
            // one write it makes, so the organisation decides, not the role.
            guard let organisation = actor.organisationID else { return false }
            return (actor.role != .observer && organisation == responsible) || partners.contains(organisation)
        case .createMeeting(let group), .runMeeting(let group):
            // A working group's members run their group's meetings; other meetings are the secretariat's.
            guard let group else { return false }
            return actor.role == .csoMember && actor.workingGroupIDs.contains(group)
        case .updateActionItem(let ownerUser, let ownerOrganisation, let group):
            if actor.role == .observer { return false }
            if let ownerUser, ownerUser == actor.userID { return true }
            if ownerUser == nil, let ownerOrganisation, ownerOrganisation == actor.organisationID { return true }
            return allows(actor, .runMeeting(workingGroupID: group))
        case .changeResponse, .manageOrganisations, .reviewMeasurement, .manageWorkingGroups, .manageAccounts,
            .manageAssessmentRounds, .manageAgreements, .hideComment, .importRecords, .manageAPITokens,
            .manageWebhooks:
            return false
        }
    }
}
