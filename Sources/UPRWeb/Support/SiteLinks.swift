import UPRStore

/// The site's fixed addresses (those with no values), as every page's frame hands them to its template:
/// `#(layout.links.inbox)`. A template writes no path of its own; what takes values (an entry, a meeting) comes in
/// the page's own view model.
struct SiteLinks: Encodable, Sendable {
    let home = SiteRoute.home
    let login = SiteRoute.login()
    let loginCode = SiteRoute.loginCode()
    let logout = SiteRoute.logout
    let account = SiteRoute.account
    let changePassword = SiteRoute.changePassword
    let startTOTP = SiteRoute.startTOTP
    let confirmTOTP = SiteRoute.confirmTOTP
    let disableTOTP = SiteRoute.disableTOTP
    let calendarSettings = SiteRoute.calendarSettings
    let subscriptions = SiteRoute.subscriptions
    let unfollow = SiteRoute.unfollow
    let digest = SiteRoute.digest
    let inbox = SiteRoute.inbox
    let inboxRead = SiteRoute.inboxRead
    let plan = SiteRoute.planIndex
    let myPlan = SiteRoute.myPlan
    let planImport = SiteRoute.planImport
    let imports = SiteRoute.importUpload
    let indicators = SiteRoute.indicators(IndicatorFilter())
    let newIndicator = SiteRoute.newIndicator()
    let rounds = SiteRoute.rounds
    let newRound = SiteRoute.newRound()
    let compareRounds = SiteRoute.compareRounds
    let dashboard = SiteRoute.dashboard()
    let meetings = SiteRoute.meetings
    let newMeeting = SiteRoute.newMeeting
    let actionItems = SiteRoute.actionItems
    let agreements = SiteRoute.agreements
    let newAgreement = SiteRoute.newAgreement
    let admin = SiteRoute.admin
    let organisations = SiteRoute.organisations
    let users = SiteRoute.users
    let apiTokens = SiteRoute.apiTokens
    let webhooks = SiteRoute.webhooks

    /// The one set every page shares.
    static let shared = SiteLinks()

    /// Each link's name and address, worked out once: every page writes all of them into its frame, and building
    /// thirty addresses per page showed in the profile of the plan matrix page.
    private static let addresses: [(name: String, href: String)] = Mirror(reflecting: SiteLinks()).children
        .compactMap { child in
            guard let name = child.label, let route = child.value as? SiteRoute else { return nil }
            return (name, route.href)
        }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    // The fields are constants, so every value is `shared` and the addresses worked out once are its own.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (name, href) in Self.addresses { try container.encode(href, forKey: Key(stringValue: name)) }
    }
}
