import UPRStore

/// The site's fixed addresses (those with no values), as every page's frame hands them to its template:
/// `#(layout.links.inbox)`. A template writes no path of its own; what takes values (an entry, a meeting) comes in
/// the page's own view model.
struct SiteLinks: Encodable, Sendable {
    var home = SiteRoute.home
    var login = SiteRoute.login()
    var loginCode = SiteRoute.loginCode()
    var logout = SiteRoute.logout
    var account = SiteRoute.account
    var changePassword = SiteRoute.changePassword
    var startTOTP = SiteRoute.startTOTP
    var confirmTOTP = SiteRoute.confirmTOTP
    var disableTOTP = SiteRoute.disableTOTP
    var calendarSettings = SiteRoute.calendarSettings
    var subscriptions = SiteRoute.subscriptions
    var unfollow = SiteRoute.unfollow
    var digest = SiteRoute.digest
    var inbox = SiteRoute.inbox
    var inboxRead = SiteRoute.inboxRead
    var plan = SiteRoute.planIndex
    var myPlan = SiteRoute.myPlan
    var planImport = SiteRoute.planImport
    var indicators = SiteRoute.indicators(IndicatorFilter())
    var newIndicator = SiteRoute.newIndicator()
    var rounds = SiteRoute.rounds
    var newRound = SiteRoute.newRound()
    var compareRounds = SiteRoute.compareRounds
    var dashboard = SiteRoute.dashboard()
    var meetings = SiteRoute.meetings
    var newMeeting = SiteRoute.newMeeting
    var actionItems = SiteRoute.actionItems
    var agreements = SiteRoute.agreements
    var newAgreement = SiteRoute.newAgreement
    var admin = SiteRoute.admin
    var organisations = SiteRoute.organisations
    var users = SiteRoute.users

    /// The one set every page shares.
    static let shared = SiteLinks()
}
