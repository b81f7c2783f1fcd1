import Vapor

/// Every address the site answers, each once: its method and its path pattern (`:name` for a parameter).
///
/// This is the only place a path is written. `SiteRoutes` registers a handler for every case (an exhaustive switch,
/// so a case without a handler does not compile), `SiteRoute` builds every link and form action by filling one of
/// these patterns, and the `return=` guard accepts only a path some `GET` case matches.
enum Endpoint: String, CaseIterable, Sendable {
    case home, recommendations, recommendation, saveLabels, states, state, taxonomies, taxonomy, language, stylesheet
    case health
    case postRecommendationComment, postPlanEntryComment, comment, commentReply, commentHideForm, hideComment
    case apiRecommendations, apiRecommendation, apiSimilar, apiComments, apiStats, apiStates, apiState
    case apiTaxonomies, apiTaxonomy, apiOpenAPI, apiCreateMeasurement, apiMeasurement
    case apiIndicators, apiIndicator, apiPlanEntries, apiPlanEntry, apiUpdatePlanEntry, apiRounds, apiRound
    case apiCreateAssessment, apiAssessment, apiMeetings, apiMeeting, apiAgreements, apiAgreement, apiOrganisations
    case apiOrganisation
    case apiIndicatorsCSV, apiIndicatorsXLSX, apiRoundAssessmentsCSV, apiRoundAssessmentsXLSX
    case loginForm, login, codeForm, code, logout
    case account, changePassword, startTOTP, confirmTOTP, disableTOTP, passwordResetForm, passwordReset
    case plan, myPlan, planEditor, savePlanEntry, planEntry, answerPlanEntry, publishPlanEntry, unpublishPlanEntry
    case planEntryHistory, responseChangeForm, changeResponse, decideOtherMechanism
    case planExportXLSX, planExportCSV, planImportForm, uploadPlanImport, applyPlanImport
    case rounds, newRound, openRound, compareRounds, round, closeRound, assessment, saveAssessment
    case roundExportCSV, roundExportXLSX
    case dashboard, midTermDOCX, midTermHTML
    // Before `indicator`: `serving` takes the first pattern that matches, and `/indicators/:id` matches these too.
    case indicatorsExportCSV, indicatorsExportXLSX
    case indicators, newIndicator, createIndicator, indicator, editIndicator, updateIndicator, indicatorHistory
    case newMeasurement, createMeasurement, reviewMeasurement, measurementEvidence
    case meetings, createMeeting, newMeeting, meeting, editMeeting, updateMeeting, setMeetingStatus, moveAgendaItem
    case meetingAgendaForm, saveMeetingAgenda, meetingDecisionForm, saveMeetingDecision
    case meetingActionForm, saveMeetingAction, meetingMinutesForm, saveMeetingMinutes, meetingHistory
    case actionItems, setActionItemStatus, inbox, markInboxRead
    case calendarFeed, calendarSettings, renewCalendar
    case agreements, createAgreement, newAgreement, agreement, commitmentForm, addCommitment
    case admin, createOrganisation, organisation, updateOrganisation, workingGroup, updateWorkingGroup
    case createUser, user, updateUser, userResetLink, apiTokens, createAPIToken, revokeAPIToken
    case webhooks, createWebhook, disableWebhook, deleteWebhook, retryWebhookDelivery
    case follow, unfollow, subscriptions, setDigest
    case importHistory, importRecord, importForm, uploadImport, importJob, applyImport, cancelImport

    var method: HTTPMethod {
        switch self {
        case .saveLabels, .postRecommendationComment, .postPlanEntryComment, .hideComment, .login, .code, .logout,
            .changePassword, .startTOTP, .confirmTOTP, .disableTOTP, .passwordReset, .savePlanEntry,
            .answerPlanEntry, .publishPlanEntry, .unpublishPlanEntry, .changeResponse, .decideOtherMechanism,
            .uploadPlanImport,
            .applyPlanImport, .openRound, .closeRound, .saveAssessment, .createIndicator, .updateIndicator,
            .createMeasurement, .reviewMeasurement, .createMeeting, .updateMeeting, .setMeetingStatus,
            .moveAgendaItem, .saveMeetingAgenda, .saveMeetingDecision, .saveMeetingAction, .saveMeetingMinutes,
            .setActionItemStatus, .markInboxRead, .renewCalendar, .createAgreement, .addCommitment,
            .createOrganisation, .updateOrganisation, .updateWorkingGroup, .createUser, .updateUser, .userResetLink,
            .follow, .unfollow, .setDigest, .uploadImport, .applyImport, .cancelImport, .apiCreateMeasurement,
            .createAPIToken, .revokeAPIToken, .apiCreateAssessment, .createWebhook, .disableWebhook, .deleteWebhook,
            .retryWebhookDelivery:
            .POST
        case .apiUpdatePlanEntry: .PATCH
        default: .GET
        }
    }

    /// The path pattern.
    var path: String {
        switch self {
        case .home: "/"
        case .recommendations: "/recommendations"
        case .recommendation: "/recommendations/:id"
        case .saveLabels: "/recommendations/:id/labels"
        case .states: "/states"
        case .state: "/states/:name"
        case .taxonomies: "/taxonomies"
        case .taxonomy: "/taxonomies/:taxonomy"
        case .language: "/language/:code"
        case .stylesheet: "/assets/site.css"
        case .health: "/healthz"
        case .postRecommendationComment: "/recommendations/:id/comments"
        case .postPlanEntryComment: "/plan/entries/:id/comments"
        case .comment: "/comments/:id"
        case .commentReply: "/comments/:id/reply"
        case .commentHideForm, .hideComment: "/comments/:id/hide"
        case .apiRecommendations: "/api/v1/recommendations"
        case .apiRecommendation: "/api/v1/recommendations/:id"
        case .apiSimilar: "/api/v1/recommendations/:id/similar"
        case .apiComments: "/api/v1/recommendations/:id/comments"
        case .apiStats: "/api/v1/stats"
        case .apiStates: "/api/v1/states"
        case .apiState: "/api/v1/states/:name"
        case .apiTaxonomies: "/api/v1/taxonomies"
        case .apiTaxonomy: "/api/v1/taxonomies/:taxonomy"
        case .apiOpenAPI: "/api/v1/openapi.json"
        case .apiCreateMeasurement: "/api/v1/indicators/:id/measurements"
        case .apiMeasurement: "/api/v1/measurements/:id"
        case .apiIndicators: "/api/v1/indicators"
        case .apiIndicator: "/api/v1/indicators/:id"
        case .apiPlanEntries: "/api/v1/plan-entries"
        case .apiPlanEntry, .apiUpdatePlanEntry: "/api/v1/plan-entries/:id"
        case .apiRounds: "/api/v1/rounds"
        case .apiRound: "/api/v1/rounds/:id"
        case .apiCreateAssessment: "/api/v1/rounds/:id/assessments"
        case .apiAssessment: "/api/v1/assessments/:id"
        case .apiMeetings: "/api/v1/meetings"
        case .apiMeeting: "/api/v1/meetings/:id"
        case .apiAgreements: "/api/v1/agreements"
        case .apiAgreement: "/api/v1/agreements/:id"
        case .apiOrganisations: "/api/v1/organisations"
        case .apiOrganisation: "/api/v1/organisations/:id"
        case .apiIndicatorsCSV: "/api/v1/indicators.csv"
        case .apiIndicatorsXLSX: "/api/v1/indicators.xlsx"
        case .apiRoundAssessmentsCSV: "/api/v1/rounds/:id/assessments.csv"
        case .apiRoundAssessmentsXLSX: "/api/v1/rounds/:id/assessments.xlsx"
        case .loginForm, .login: "/login"
        case .codeForm, .code: "/login/code"
        case .logout: "/logout"
        case .account: "/account"
        case .changePassword: "/account/password"
        case .startTOTP: "/account/totp/start"
        case .confirmTOTP: "/account/totp/confirm"
        case .disableTOTP: "/account/totp/disable"
        case .passwordResetForm, .passwordReset: "/password-reset/:token"
        case .plan: "/plan"
        case .myPlan: "/plan/mine"
        case .planEditor, .savePlanEntry: "/recommendations/:id/plan"
        case .planEntry: "/plan/entries/:id"
        case .answerPlanEntry: "/plan/entries/:id/answer"
        case .publishPlanEntry: "/plan/entries/:id/publish"
        case .unpublishPlanEntry: "/plan/entries/:id/unpublish"
        case .planEntryHistory: "/plan/entries/:id/history"
        case .decideOtherMechanism: "/plan/entries/:id/mechanisms"
        case .responseChangeForm, .changeResponse: "/recommendations/:id/response"
        case .planExportXLSX: "/plan/export.xlsx"
        case .planExportCSV: "/plan/export.csv"
        case .planImportForm, .uploadPlanImport: "/plan/import"
        case .applyPlanImport: "/plan/import/:upload/apply"
        case .rounds, .openRound: "/assessments"
        case .newRound: "/assessments/new"
        case .compareRounds: "/assessments/compare"
        case .round: "/assessments/:round"
        case .closeRound: "/assessments/:round/close"
        case .assessment, .saveAssessment: "/assessments/:round/recommendations/:id"
        case .roundExportCSV: "/assessments/:round/export.csv"
        case .roundExportXLSX: "/assessments/:round/export.xlsx"
        case .dashboard: "/dashboard"
        case .midTermDOCX: "/reports/midterm.docx"
        case .midTermHTML: "/reports/midterm.html"
        case .indicatorsExportCSV: "/indicators/export.csv"
        case .indicatorsExportXLSX: "/indicators/export.xlsx"
        case .indicators, .createIndicator: "/indicators"
        case .newIndicator: "/indicators/new"
        case .indicator, .updateIndicator: "/indicators/:id"
        case .editIndicator: "/indicators/:id/edit"
        case .indicatorHistory: "/indicators/:id/history"
        case .newMeasurement: "/indicators/:id/measurements/new"
        case .createMeasurement: "/indicators/:id/measurements"
        case .reviewMeasurement: "/measurements/:id/review"
        case .measurementEvidence: "/measurements/:id/evidence"
        case .meetings, .createMeeting: "/meetings"
        case .newMeeting: "/meetings/new"
        case .meeting: "/meetings/:id"
        case .editMeeting, .updateMeeting: "/meetings/:id/edit"
        case .setMeetingStatus: "/meetings/:id/status"
        case .moveAgendaItem: "/meetings/:id/agenda/:item/move"
        case .meetingAgendaForm, .saveMeetingAgenda: "/meetings/:id/agenda"
        case .meetingDecisionForm, .saveMeetingDecision: "/meetings/:id/decision"
        case .meetingActionForm, .saveMeetingAction: "/meetings/:id/action"
        case .meetingMinutesForm, .saveMeetingMinutes: "/meetings/:id/minutes"
        case .meetingHistory: "/meetings/:id/history"
        case .actionItems: "/action-items"
        case .setActionItemStatus: "/action-items/:id/status"
        case .inbox: "/inbox"
        case .markInboxRead: "/inbox/read"
        case .calendarFeed: "/calendar/:file"
        case .calendarSettings, .renewCalendar: "/account/calendar"
        case .agreements, .createAgreement: "/agreements"
        case .newAgreement: "/agreements/new"
        case .agreement: "/agreements/:id"
        case .commitmentForm, .addCommitment: "/agreements/:id/commitments"
        case .admin: "/admin"
        case .createOrganisation: "/admin/organisations"
        case .organisation, .updateOrganisation: "/admin/organisations/:id"
        case .workingGroup, .updateWorkingGroup: "/admin/working-groups/:id"
        case .createUser: "/admin/users"
        case .user, .updateUser: "/admin/users/:id"
        case .userResetLink: "/admin/users/:id/reset"
        case .apiTokens, .createAPIToken: "/admin/tokens"
        case .revokeAPIToken: "/admin/tokens/:id/revoke"
        case .webhooks, .createWebhook: "/admin/webhooks"
        case .disableWebhook: "/admin/webhooks/:id/disable"
        case .deleteWebhook: "/admin/webhooks/:id/delete"
        case .retryWebhookDelivery: "/admin/webhooks/deliveries/:id/retry"
        case .follow: "/subscriptions"
        case .unfollow: "/subscriptions/remove"
        case .subscriptions: "/account/subscriptions"
        case .setDigest: "/account/digest"
        case .importHistory: "/admin/imports"
        case .importRecord: "/admin/imports/:id"
        case .importForm, .uploadImport: "/admin/import"
        case .importJob: "/admin/import/jobs/:id"
        case .applyImport: "/admin/import/jobs/:id/apply"
        case .cancelImport: "/admin/import/jobs/:id/cancel"
        }
    }

    /// The largest body the route collects; uploads need more than Vapor's default of 16 KB.
    var bodyLimit: ByteCount? {
        switch self {
        case .uploadPlanImport: "4mb"
        // Evidence files up to 5 MB are checked by the handler with a clear message; the limit sits above that so a
        // slightly larger file still gets the message, not a bare 413.
        case .createMeasurement, .apiCreateMeasurement: "8mb"
        default: nil
        }
    }

    /// The pattern's segments (`["meetings", ":id", "edit"]`).
    var segments: [Substring] { path.split(separator: "/") }

    /// The pattern as Vapor registers it.
    var pathComponents: [PathComponent] { segments.map { PathComponent(stringLiteral: String($0)) } }

    /// The path with each `:parameter` replaced, in order, by the percent-encoded `values`.
    ///
    /// Every link of every page is built here (a plan page makes a hundred), so this walks the pattern once instead
    /// of splitting it into segments and joining them again: the profile of the matrix page showed that as a tenth
    /// of its time.
    func path(_ values: [String]) -> String {
        let pattern = path
        guard !values.isEmpty else { return pattern }
        var out = ""
        out.reserveCapacity(pattern.utf8.count + values.reduce(0) { $0 + $1.utf8.count })
        var next = 0
        var index = pattern.startIndex
        while index < pattern.endIndex {
            guard pattern[index] == ":" else {
                out.append(pattern[index])
                index = pattern.index(after: index)
                continue
            }
            precondition(next < values.count, "\(self) was given \(values.count) parameters")
            out += SiteRoute.segment(values[next])
            next += 1
            index = pattern[index...].firstIndex(of: "/") ?? pattern.endIndex
        }
        precondition(next == values.count, "\(self) was given \(values.count) parameters")
        return out
    }

    /// Whether `path` (without its query) is an address this endpoint serves.
    func matches(_ path: Substring) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        let pattern = segments
        if pattern.isEmpty { return parts.allSatisfy(\.isEmpty) }
        guard parts.count == pattern.count else { return false }
        return zip(pattern, parts).allSatisfy { expected, part in
            expected.hasPrefix(":") ? !part.isEmpty : expected == part
        }
    }

    /// The methods the table answers at `path`, in a stable order; empty for an unknown address. A known address
    /// asked with another method is then 405 Method Not Allowed with an `Allow` header (RFC 9110, 15.5.6), not a 404.
    static func methods(serving path: Substring) -> [HTTPMethod] {
        Set(allCases.filter { $0.matches(path) }.map(\.method.rawValue)).sorted().map { HTTPMethod(rawValue: $0) }
    }

    /// Whether `path` is under the JSON API, whose errors are problem+json and which never redirects to sign-in.
    static func isAPI(_ path: String) -> Bool {
        let root = Endpoint.apiRecommendations.segments.prefix(2).joined(separator: "/")
        return path.hasPrefix("/" + root + "/")
    }

    /// The endpoint of `method` that serves `path`, if any.
    static func serving(_ path: Substring, method: HTTPMethod) -> Endpoint? {
        allCases.first { $0.method == method && $0.matches(path) }
    }
}
