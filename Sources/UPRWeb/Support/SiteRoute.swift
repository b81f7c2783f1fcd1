import Foundation
import UPRDomain
import UPRStore

/// An address of the site with its values: what a view model holds where a page links or posts to somewhere.
///
/// Each case fills the pattern of one `Endpoint`, so the path is written only there; a view model that holds a
/// `SiteRoute` writes its address into the template (`Encodable`), and Swift-written HTML asks for `href`.
public enum SiteRoute: Sendable, Equatable, Encodable {
    /// A place in another route's page (`#action-12`): the browser scrolls to the element with that id.
    indirect case fragment(SiteRoute, String)
    case home
    case recommendations(RecommendationFilter, page: Int = 1)
    case recommendation(Int)
    /// Where a person confirms, rejects or adds a recommendation's labels (POST).
    case labels(Int)
    case states
    case state(String)
    case taxonomies
    case taxonomy(Taxonomy)
    case language(String, returnTo: String)
    case stylesheet
    case health
    /// The implementation-plan matrix of a view, one page of it.
    case plan(PlanMatrix.Scope, page: Int = 1)
    /// The whole view as the annex 8.1 matrix: `xlsx` or `csv`.
    case planExport(PlanMatrix.Scope, format: String)
    /// The indicators, filtered; and one indicator's page.
    case indicators(IndicatorFilter)
    case indicator(Int)
    /// The filtered indicators with their measurements as a spreadsheet.
    case indicatorsExport(IndicatorFilter, format: SpreadsheetFormat)
    case meetings
    case meeting(Int)
    case agreements
    case agreement(Int)
    /// The public calendar feed of public meetings, and a person's feed behind its secret token.
    case publicCalendar
    case personalCalendar(token: String)
    /// Where a subject's discussion is posted to (POST), a comment's own address (it leads to its place in the
    /// thread), the page to reply to it, and the administrator's page to hide it.
    case comments(CommentSubject)
    case comment(Int)
    case commentReply(Int)
    case commentHide(Int)
    case api(APIRoute)

    // The signed-in part: sign-in and account.
    case login(returnTo: String? = nil)
    case loginCode(returnTo: String? = nil)
    case logout
    case account
    case changePassword
    case startTOTP
    case confirmTOTP
    case disableTOTP
    case passwordReset(token: String)
    case calendarSettings
    case subscriptions
    case follow
    case unfollow
    case digest
    // The plan.
    /// The plan page with no view named: the matrix of the installation's state.
    case planIndex
    case myPlan
    case planEditor(recommendationID: Int)
    case planEntry(Int)
    case planEntryAnswer(Int)
    case planEntryPublish(Int)
    case planEntryUnpublish(Int)
    case planEntryHistory(Int)
    /// Accepting, dismissing or removing a recommendation of another mechanism for a plan entry.
    case planEntryMechanisms(Int)
    case responseChange(recommendationID: Int)
    case planImport
    case planImportApply(upload: Int)
    // Assessments and reports.
    case rounds
    case newRound(meetingID: Int? = nil)
    case compareRounds
    case round(Int, show: RoundOverview.Show = .all, page: Int = 1)
    case roundClose(Int)
    /// A round as a spreadsheet: every recommendation, each stakeholder's assessment side by side.
    case roundExport(Int, format: SpreadsheetFormat)
    case assessment(round: Int, recommendationID: Int)
    case dashboard(state: String? = nil)
    case midTermReport(MidTermReportFile.Format, state: String)
    // Indicators and measurements.
    case newIndicator(planEntryID: Int? = nil, recommendationID: Int? = nil)
    case indicatorEdit(Int)
    case indicatorHistory(Int)
    case newMeasurement(indicatorID: Int)
    case measurements(indicatorID: Int)
    case measurementReview(Int)
    case measurementEvidence(Int)
    // Meetings, action items, the inbox.
    case newMeeting
    case meetingEdit(Int)
    case meetingStatus(Int)
    case agendaItemMove(meetingID: Int, item: Int)
    case meetingTask(meetingID: Int, MeetingTask)
    case meetingHistory(Int)
    case actionItems
    case actionItemStatus(Int)
    case inbox
    case inboxRead
    case newAgreement
    case commitments(agreementID: Int)
    // Administration.
    case admin
    case organisations
    case organisation(Int)
    case workingGroup(Int)
    case users
    case user(Int)
    case userResetLink(Int)
    /// The API tokens: the list with the form that makes one, and one token's revocation (POST).
    case apiTokens
    case apiTokenRevoke(Int)
    case webhooks
    case webhookDisable(Int)
    case webhookDelete(Int)
    case webhookDeliveryRetry(Int)
    // Imports in the browser.
    case importHistory(page: Int = 1)
    case importRecord(Int)
    case importUpload
    case importJob(Int)
    case importApply(Int)
    case importCancel(Int)

    public enum APIRoute: Sendable, Equatable {
        /// A search of the registry: the same filter and page as the list page's.
        case recommendations(RecommendationFilter = RecommendationFilter(), page: Int = 1)
        case recommendation(Int)
        case similar(Int)
        case comments(Int)
        case stats
        case states
        case state(String)
        case taxonomies
        case taxonomy(Taxonomy)
        case openAPI
        /// Where a system posts an indicator's measurement, and a measurement's own address.
        case measurements(indicatorID: Int)
        case measurement(Int)
        case indicators
        case indicator(Int)
        case planEntries
        case planEntry(Int)
        case rounds
        case round(Int)
        case assessments(round: Int)
        case assessment(Int)
        case meetings
        case meeting(Int)
        case agreements
        case agreement(Int)
        case organisations
        case organisation(Int)
        /// The spreadsheets: indicators with their measurements, and a round's assessments side by side.
        case indicatorsSheet(IndicatorFilter, format: SpreadsheetFormat)
        case roundSheet(Int, format: SpreadsheetFormat)
    }

    /// The endpoint whose pattern this address fills, the pattern's parameters in order, and the query.
    var parts: (endpoint: Endpoint, parameters: [String], query: [(String, String)]) {
        switch self {
        case .home: return (.home, [], [])
        case .fragment(let route, _): return route.parts
        case .recommendations(let filter, let page): return (.recommendations, [], Self.listItems(filter, page: page))
        case .recommendation(let id): return (.recommendation, [String(id)], [])
        case .labels(let id): return (.saveLabels, [String(id)], [])
        case .states: return (.states, [], [])
        case .state(let name): return (.state, [name], [])
        case .taxonomies: return (.taxonomies, [], [])
        case .taxonomy(let taxonomy): return (.taxonomy, [taxonomy.rawValue], [])
        case .language(let code, let returnTo): return (.language, [code], [("return", returnTo)])
        case .stylesheet: return (.stylesheet, [], [])
        case .health: return (.health, [], [])
        case .plan(let scope, let page):
            return (.plan, [], Self.scopeItems(scope) + (page > 1 ? [("page", String(page))] : []))
        case .planExport(let scope, let format):
            return (format == "csv" ? .planExportCSV : .planExportXLSX, [], Self.scopeItems(scope))
        case .indicators(let filter): return (.indicators, [], Self.indicatorItems(filter))
        case .indicator(let id): return (.indicator, [String(id)], [])
        case .indicatorsExport(let filter, let format):
            return (format == .csv ? .indicatorsExportCSV : .indicatorsExportXLSX, [], Self.indicatorItems(filter))
        case .meetings: return (.meetings, [], [])
        case .meeting(let id): return (.meeting, [String(id)], [])
        case .agreements: return (.agreements, [], [])
        case .agreement(let id): return (.agreement, [String(id)], [])
        case .publicCalendar: return (.calendarFeed, ["public.ics"], [])
        case .personalCalendar(let token): return (.calendarFeed, [token + ".ics"], [])
        case .comments(let subject):
            switch subject.kind {
            case .recommendation: return (.postRecommendationComment, [String(subject.id)], [])
            case .planEntry: return (.postPlanEntryComment, [String(subject.id)], [])
            }
        case .comment(let id): return (.comment, [String(id)], [])
        case .commentReply(let id): return (.commentReply, [String(id)], [])
        case .commentHide(let id): return (.hideComment, [String(id)], [])
        case .api(let api):
            switch api {
            case .recommendations(let filter, let page):
                return (.apiRecommendations, [], Self.listItems(filter, page: page))
            case .recommendation(let id): return (.apiRecommendation, [String(id)], [])
            case .similar(let id): return (.apiSimilar, [String(id)], [])
            case .comments(let id): return (.apiComments, [String(id)], [])
            case .stats: return (.apiStats, [], [])
            case .states: return (.apiStates, [], [])
            case .state(let name): return (.apiState, [name], [])
            case .taxonomies: return (.apiTaxonomies, [], [])
            case .taxonomy(let taxonomy): return (.apiTaxonomy, [taxonomy.rawValue], [])
            case .openAPI: return (.apiOpenAPI, [], [])
            case .measurements(let id): return (.apiCreateMeasurement, [String(id)], [])
            case .measurement(let id): return (.apiMeasurement, [String(id)], [])
            case .indicators: return (.apiIndicators, [], [])
            case .indicator(let id): return (.apiIndicator, [String(id)], [])
            case .planEntries: return (.apiPlanEntries, [], [])
            case .planEntry(let id): return (.apiPlanEntry, [String(id)], [])
            case .rounds: return (.apiRounds, [], [])
            case .round(let id): return (.apiRound, [String(id)], [])
            case .assessments(let round): return (.apiCreateAssessment, [String(round)], [])
            case .assessment(let id): return (.apiAssessment, [String(id)], [])
            case .meetings: return (.apiMeetings, [], [])
            case .meeting(let id): return (.apiMeeting, [String(id)], [])
            case .agreements: return (.apiAgreements, [], [])
            case .agreement(let id): return (.apiAgreement, [String(id)], [])
            case .organisations: return (.apiOrganisations, [], [])
            case .organisation(let id): return (.apiOrganisation, [String(id)], [])
            case .indicatorsSheet(let filter, let format):
                return (format == .csv ? .apiIndicatorsCSV : .apiIndicatorsXLSX, [], Self.indicatorItems(filter))
            case .roundSheet(let id, let format):
                return (format == .csv ? .apiRoundAssessmentsCSV : .apiRoundAssessmentsXLSX, [String(id)], [])
            }
        case .login(let returnTo): return (.loginForm, [], returnTo.map { [("return", $0)] } ?? [])
        case .loginCode(let returnTo): return (.codeForm, [], returnTo.map { [("return", $0)] } ?? [])
        case .logout: return (.logout, [], [])
        case .account: return (.account, [], [])
        case .changePassword: return (.changePassword, [], [])
        case .startTOTP: return (.startTOTP, [], [])
        case .confirmTOTP: return (.confirmTOTP, [], [])
        case .disableTOTP: return (.disableTOTP, [], [])
        case .passwordReset(let token): return (.passwordReset, [token], [])
        case .calendarSettings: return (.calendarSettings, [], [])
        case .subscriptions: return (.subscriptions, [], [])
        case .follow: return (.follow, [], [])
        case .unfollow: return (.unfollow, [], [])
        case .digest: return (.setDigest, [], [])
        case .planIndex: return (.plan, [], [])
        case .myPlan: return (.myPlan, [], [])
        case .planEditor(let id): return (.planEditor, [String(id)], [])
        case .planEntry(let id): return (.planEntry, [String(id)], [])
        case .planEntryAnswer(let id): return (.answerPlanEntry, [String(id)], [])
        case .planEntryPublish(let id): return (.publishPlanEntry, [String(id)], [])
        case .planEntryUnpublish(let id): return (.unpublishPlanEntry, [String(id)], [])
        case .planEntryHistory(let id): return (.planEntryHistory, [String(id)], [])
        case .planEntryMechanisms(let id): return (.decideOtherMechanism, [String(id)], [])
        case .responseChange(let id): return (.responseChangeForm, [String(id)], [])
        case .planImport: return (.planImportForm, [], [])
        case .planImportApply(let upload): return (.applyPlanImport, [String(upload)], [])
        case .rounds: return (.rounds, [], [])
        case .newRound(let meeting): return (.newRound, [], meeting.map { [("meeting", String($0))] } ?? [])
        case .compareRounds: return (.compareRounds, [], [])
        case .round(let id, let show, let page):
            var items: [(String, String)] = show == .all ? [] : [("show", show.rawValue)]
            if page > 1 { items.append(("page", String(page))) }
            return (.round, [String(id)], items)
        case .roundClose(let id): return (.closeRound, [String(id)], [])
        case .roundExport(let id, let format):
            return (format == .csv ? .roundExportCSV : .roundExportXLSX, [String(id)], [])
        case .assessment(let round, let id): return (.assessment, [String(round), String(id)], [])
        case .dashboard(let state): return (.dashboard, [], state.map { [("state", $0)] } ?? [])
        case .midTermReport(let format, let state):
            return (format == .docx ? .midTermDOCX : .midTermHTML, [], [("state", state)])
        case .newIndicator(let entry, let recommendation):
            return (
                .newIndicator, [],
                entry.map { [("entry", String($0))] } ?? recommendation.map { [("recommendation", String($0))] } ?? []
            )
        case .indicatorEdit(let id): return (.editIndicator, [String(id)], [])
        case .indicatorHistory(let id): return (.indicatorHistory, [String(id)], [])
        case .newMeasurement(let id): return (.newMeasurement, [String(id)], [])
        case .measurements(let id): return (.createMeasurement, [String(id)], [])
        case .measurementReview(let id): return (.reviewMeasurement, [String(id)], [])
        case .measurementEvidence(let id): return (.measurementEvidence, [String(id)], [])
        case .newMeeting: return (.newMeeting, [], [])
        case .meetingEdit(let id): return (.editMeeting, [String(id)], [])
        case .meetingStatus(let id): return (.setMeetingStatus, [String(id)], [])
        case .agendaItemMove(let meeting, let item): return (.moveAgendaItem, [String(meeting), String(item)], [])
        case .meetingTask(let meeting, let task):
            let endpoint: Endpoint =
                switch task {
                case .agenda: .meetingAgendaForm
                case .decision: .meetingDecisionForm
                case .action: .meetingActionForm
                case .minutes: .meetingMinutesForm
                }
            return (endpoint, [String(meeting)], [])
        case .meetingHistory(let id): return (.meetingHistory, [String(id)], [])
        case .actionItems: return (.actionItems, [], [])
        case .actionItemStatus(let id): return (.setActionItemStatus, [String(id)], [])
        case .inbox: return (.inbox, [], [])
        case .inboxRead: return (.markInboxRead, [], [])
        case .newAgreement: return (.newAgreement, [], [])
        case .commitments(let id): return (.commitmentForm, [String(id)], [])
        case .admin: return (.admin, [], [])
        case .organisations: return (.createOrganisation, [], [])
        case .organisation(let id): return (.organisation, [String(id)], [])
        case .workingGroup(let id): return (.workingGroup, [String(id)], [])
        case .users: return (.createUser, [], [])
        case .user(let id): return (.user, [String(id)], [])
        case .userResetLink(let id): return (.userResetLink, [String(id)], [])
        case .apiTokens: return (.apiTokens, [], [])
        case .apiTokenRevoke(let id): return (.revokeAPIToken, [String(id)], [])
        case .webhooks: return (.webhooks, [], [])
        case .webhookDisable(let id): return (.disableWebhook, [String(id)], [])
        case .webhookDelete(let id): return (.deleteWebhook, [String(id)], [])
        case .webhookDeliveryRetry(let id): return (.retryWebhookDelivery, [String(id)], [])
        case .importHistory(let page): return (.importHistory, [], page > 1 ? [("page", String(page))] : [])
        case .importRecord(let id): return (.importRecord, [String(id)], [])
        case .importUpload: return (.uploadImport, [], [])
        case .importJob(let id): return (.importJob, [String(id)], [])
        case .importApply(let id): return (.applyImport, [String(id)], [])
        case .importCancel(let id): return (.cancelImport, [String(id)], [])
        }
    }

    /// The path with its query string, percent-encoded, built from the endpoint's pattern.
    public var href: String {
        let (endpoint, parameters, query) = parts
        switch self {
        // The sign-in links encode their return address whole (every character but letters and digits), as they
        // always have: links already sent in mail keep their form.
        case .login, .loginCode:
            return endpoint.path(parameters)
                + query.map {
                    "?" + $0.0 + "=" + ($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
                }
                .joined()
        case .fragment(let route, let fragment):
            return route.href + "#" + fragment
        default:
            return endpoint.path(parameters) + Self.query(query)
        }
    }

    /// This route's page at the element with the id `fragment`.
    func at(_ fragment: String) -> SiteRoute { .fragment(self, fragment) }

    /// The address with a fragment: a place in the page (`#action-12`).
    func href(at fragment: String) -> String { at(fragment).href }

    /// A registry search's query, the same on the list page and in the API: the filter, then the page after the first.
    static func listItems(_ filter: RecommendationFilter, page: Int) -> [(String, String)] {
        var items = filter.queryItems
        if page > 1 { items.append(("page", String(page))) }
        return items
    }

    /// The indicator list's filter as its query (the page's, its spreadsheets' and the API's).
    static func indicatorItems(_ filter: IndicatorFilter) -> [(String, String)] {
        var items: [(String, String)] = []
        if let state = filter.state { items.append(("state", state)) }
        if let group = filter.workingGroupID { items.append(("group", String(group))) }
        if let organisation = filter.organisationID { items.append(("organisation", String(organisation))) }
        if let kind = filter.kind { items.append(("kind", kind.rawValue)) }
        return items
    }

    /// The query parameters that name a matrix view (the plan page's `state`, `group` or `organisation`).
    static func scopeItems(_ scope: PlanMatrix.Scope) -> [(String, String)] {
        switch scope {
        case .state(let name): [("state", name)]
        case .workingGroup(let id): [("group", String(id))]
        case .leadOrganisation(let id): [("organisation", String(id))]
        }
    }

    /// A path segment, percent-encoded: every character but those a path allows, and `/`.
    static func segment(_ value: String) -> String {
        // Most values are ids and plain names, which need no encoding; Foundation's encoder costs far more than
        // this check, whose table is read from the same character set, so the two agree on every byte.
        if value.utf8.allSatisfy({ $0 < 0x80 && segmentKeeps[Int($0)] }) { return value }
        return value.addingPercentEncoding(withAllowedCharacters: segmentAllowed) ?? value
    }

    static func query(_ items: [(String, String)]) -> String {
        guard !items.isEmpty else { return "" }
        return "?"
            + items.map { name, value in
                let plain = value.utf8.allSatisfy { $0 < 0x80 && queryKeeps[Int($0)] }
                return name + "="
                    + (plain ? value : value.addingPercentEncoding(withAllowedCharacters: queryAllowed) ?? value)
            }.joined(separator: "&")
    }

    /// What a path segment keeps as it is: the path's characters without `/`.
    static let segmentAllowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))
    /// What a query value keeps: the query's characters without the ones that separate its parts.
    static let queryAllowed = CharacterSet.urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+?#"))
    private static let segmentKeeps = asciiTable(segmentAllowed)
    private static let queryKeeps = asciiTable(queryAllowed)

    /// Whether each ASCII byte is in `set`.
    private static func asciiTable(_ set: CharacterSet) -> [Bool] {
        (0..<128).map { set.contains(Unicode.Scalar(UInt8($0))) }
    }

    /// A route in a page's view model is written into the template as its address.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(href)
    }
}
