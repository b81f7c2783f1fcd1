import UPRLocalization
import Vapor

/// Registers one handler for every `Endpoint`, at its method and pattern. The switch is exhaustive: an address
/// added to the table without a handler does not compile, and none can be registered twice.
enum SiteRoutes {
    typealias Handler = @Sendable (Request) async throws -> Vapor.Response

    static func register(_ app: Application) {
        for endpoint in Endpoint.allCases {
            let handler = handler(endpoint)
            // The browser's import takes files up to the installation's limit; the handler refuses a larger one
            // with a message at the field, so the body may be a little larger than the limit itself.
            let limit =
                endpoint == .uploadImport ? ByteCount(value: app.site.importMaxBytes + 1_048_576) : endpoint.bodyLimit
            if let limit {
                app.on(endpoint.method, endpoint.pathComponents, body: .collect(maxSize: limit), use: handler)
            } else {
                app.on(endpoint.method, endpoint.pathComponents, use: handler)
            }
        }
    }

    // One line per endpoint, in the table's order.
    // swift-format-ignore
    static func handler(_ endpoint: Endpoint) -> Handler {
        switch endpoint {
        case .home: page("home", HomeView.load)
        case .recommendations: page("recommendations", RecommendationListView.load)
        case .recommendation: page("recommendation", RecommendationView.load)
        case .saveLabels: use(LabelReviewRoute.save.handle)
        case .states: page("states", StateListView.load)
        case .state: page("state", StateView.load)
        case .taxonomies: page("taxonomies", TaxonomyIndexView.load)
        case .taxonomy: page("taxonomy", TaxonomyView.load)
        case .language: use(switchLanguage)
        case .stylesheet: use(stylesheet)
        case .health: use { _ in "ok" }
        case .postRecommendationComment: use(DiscussionRoutes.post(.recommendation).handle)
        case .postPlanEntryComment: use(DiscussionRoutes.post(.planEntry).handle)
        case .comment: use(DiscussionRoutes.permalink)
        case .commentReply: use(DiscussionRoutes.showReply)
        case .commentHideForm: use(DiscussionRoutes.showHide)
        case .hideComment: use(DiscussionRoutes.hide.handle)
        case .apiRecommendations: use(APIController.recommendations)
        case .apiRecommendation: use(APIController.recommendation)
        case .apiSimilar: use(APIController.similar)
        case .apiComments: use(APIController.comments)
        case .apiStats: use(APIController.stats)
        case .apiStates: use(APIController.states)
        case .apiState: use(APIController.state)
        case .apiTaxonomies: use(APIController.taxonomies)
        case .apiTaxonomy: use(APIController.taxonomy)
        case .apiOpenAPI: use(APIController.openAPI)
        case .apiIndicators: use(IndicatorAPI.list)
        case .apiIndicator: use(IndicatorAPI.show)
        case .apiPlanEntries: use(PlanAPI.list)
        case .apiPlanEntry: use(PlanAPI.show)
        case .apiUpdatePlanEntry: use(PlanAPI.update)
        case .apiRounds: use(RoundAPI.list)
        case .apiRound: use(RoundAPI.show)
        case .apiCreateAssessment: use(RoundAPI.assess)
        case .apiAssessment: use(RoundAPI.assessment)
        case .apiMeetings: use(DirectoryAPI.meetings)
        case .apiMeeting: use(DirectoryAPI.meeting)
        case .apiAgreements: use(DirectoryAPI.agreements)
        case .apiAgreement: use(DirectoryAPI.agreement)
        case .apiOrganisations: use(DirectoryAPI.organisations)
        case .apiOrganisation: use(DirectoryAPI.organisation)
        case .apiCreateMeasurement: use(MeasurementAPI.create)
        case .apiMeasurement: use(MeasurementAPI.show)
        case .apiIndicatorsCSV: use { try await SheetAPI.indicators($0, format: .csv) }
        case .apiIndicatorsXLSX: use { try await SheetAPI.indicators($0, format: .xlsx) }
        case .apiRoundAssessmentsCSV: use { try await SheetAPI.round($0, format: .csv) }
        case .apiRoundAssessmentsXLSX: use { try await SheetAPI.round($0, format: .xlsx) }
        case .loginForm: use(AuthController.showLogin)
        case .login: use(AuthController.login)
        case .codeForm: use(AuthController.showCode)
        case .code: use(AuthController.code)
        case .logout: use(AuthController.logout)
        case .account: use(AccountController.show)
        case .changePassword: use(AccountController.changePassword.handle)
        case .startTOTP: use(AccountController.startTOTP.handle)
        case .confirmTOTP: use(AccountController.confirmTOTP.handle)
        case .disableTOTP: use(AccountController.disableTOTP.handle)
        case .passwordResetForm: use(AccountController.showReset)
        case .passwordReset: use(AccountController.reset)
        case .plan: page("plan", PlanMatrixView.load)
        case .myPlan: use(PlanRoutes.mine)
        case .planEditor: use(PlanEditorView.show)
        case .savePlanEntry: use(PlanEditorView.save.handle)
        case .planEntry: page("plan-entry", PlanEntryView.load)
        case .answerPlanEntry: use(PlanRoutes.answer.handle)
        case .publishPlanEntry: use(PlanRoutes.setStatus(.published).handle)
        case .unpublishPlanEntry: use(PlanRoutes.setStatus(.draft).handle)
        case .planEntryHistory: use(PlanRoutes.history)
        case .decideOtherMechanism: use(OtherMechanismsSection.decide.handle)
        case .responseChangeForm: use(ResponseChangeView.show)
        case .changeResponse: use(ResponseChangeView.save.handle)
        case .planExportXLSX: use { try await MatrixTransferRoutes.export($0, xlsx: true) }
        case .planExportCSV: use { try await MatrixTransferRoutes.export($0, xlsx: false) }
        case .planImportForm: use(MatrixTransferRoutes.showImport)
        case .uploadPlanImport: use(MatrixTransferRoutes.upload.handle)
        case .applyPlanImport: use(MatrixTransferRoutes.apply.handle)
        case .rounds: use(RoundListView.show)
        case .newRound: use(RoundFormView.show)
        case .openRound: use(RoundFormView.save.handle)
        case .compareRounds: use(RoundComparisonView.show)
        case .round: use(RoundView.show)
        case .closeRound: use(RoundView.close.handle)
        case .assessment: use(AssessmentView.show)
        case .saveAssessment: use(AssessmentView.save.handle)
        case .roundExportCSV: use { try await RoundSheetView.export($0, format: .csv) }
        case .roundExportXLSX: use { try await RoundSheetView.export($0, format: .xlsx) }
        case .dashboard: use(DashboardView.show)
        case .midTermDOCX: use { try await MidTermReportFile.download($0, .docx) }
        case .midTermHTML: use { try await MidTermReportFile.download($0, .html) }
        case .indicatorsExportCSV: use { try await IndicatorSheetView.export($0, format: .csv) }
        case .indicatorsExportXLSX: use { try await IndicatorSheetView.export($0, format: .xlsx) }
        case .indicators: page("indicators", IndicatorListView.load)
        case .newIndicator: use(IndicatorEditorView.new)
        case .createIndicator: use(IndicatorEditorView.save.handle)
        case .indicator: page("indicator", IndicatorPageView.load)
        case .editIndicator: use(IndicatorEditorView.edit)
        case .updateIndicator: use(IndicatorEditorView.save.handle)
        case .indicatorHistory: use(IndicatorRoutes.history)
        case .newMeasurement: use(MeasurementEditorView.new)
        case .createMeasurement: use(MeasurementEditorView.save.handle)
        case .reviewMeasurement: use(MeasurementEditorView.review.handle)
        case .measurementEvidence: use(MeasurementEditorView.evidence)
        case .meetings: page("meetings", MeetingListView.load)
        case .createMeeting: use(MeetingEditorView.save.handle)
        case .newMeeting: use(MeetingEditorView.showNew)
        case .meeting: page("meeting", MeetingView.load)
        case .editMeeting: use(MeetingEditorView.showEdit)
        case .updateMeeting: use(MeetingEditorView.save.handle)
        case .setMeetingStatus: use(MeetingRoutes.setStatus.handle)
        case .moveAgendaItem: use(MeetingRoutes.moveAgendaItem.handle)
        case .meetingAgendaForm: use(MeetingTaskView.show(.agenda))
        case .saveMeetingAgenda: use(MeetingTaskView.save(.agenda).handle)
        case .meetingDecisionForm: use(MeetingTaskView.show(.decision))
        case .saveMeetingDecision: use(MeetingTaskView.save(.decision).handle)
        case .meetingActionForm: use(MeetingTaskView.show(.action))
        case .saveMeetingAction: use(MeetingTaskView.save(.action).handle)
        case .meetingMinutesForm: use(MeetingTaskView.show(.minutes))
        case .saveMeetingMinutes: use(MeetingTaskView.save(.minutes).handle)
        case .meetingHistory: use(MeetingRoutes.history)
        case .actionItems: use(ActionItemRoutes.mine)
        case .setActionItemStatus: use(ActionItemRoutes.setStatus.handle)
        case .inbox: use(InboxView.show)
        case .markInboxRead: use(InboxView.markRead.handle)
        case .calendarFeed: use(CalendarRoutes.feed)
        case .calendarSettings: use(CalendarRoutes.show)
        case .renewCalendar: use(CalendarRoutes.renew.handle)
        case .agreements: use(AgreementRoutes.list)
        case .createAgreement: use(AgreementRoutes.create.handle)
        case .newAgreement: use(AgreementRoutes.showNew)
        case .agreement: use(AgreementRoutes.show)
        case .commitmentForm: use(AgreementRoutes.showCommitmentForm)
        case .addCommitment: use(AgreementRoutes.addCommitment.handle)
        case .admin: use(AdminRoutes.index)
        case .createOrganisation: use(AdminRoutes.createOrganisation.handle)
        case .organisation: use(AdminRoutes.showOrganisation)
        case .updateOrganisation: use(AdminRoutes.updateOrganisation.handle)
        case .workingGroup: use(AdminRoutes.showGroup)
        case .updateWorkingGroup: use(AdminRoutes.updateGroup.handle)
        case .createUser: use(AdminRoutes.createUser.handle)
        case .user: use(AdminRoutes.showUser)
        case .updateUser: use(AdminRoutes.updateUser.handle)
        case .userResetLink: use(AdminRoutes.resetLink.handle)
        case .apiTokens: use(AdminTokenRoutes.list)
        case .createAPIToken: use(AdminTokenRoutes.create.handle)
        case .revokeAPIToken: use(AdminTokenRoutes.revoke.handle)
        case .webhooks: use(AdminWebhookRoutes.list)
        case .createWebhook: use(AdminWebhookRoutes.create.handle)
        case .disableWebhook: use(AdminWebhookRoutes.disable.handle)
        case .deleteWebhook: use(AdminWebhookRoutes.delete.handle)
        case .retryWebhookDelivery: use(AdminWebhookRoutes.retry.handle)
        case .follow: use(SubscriptionRoutes.change(follow: true).handle)
        case .unfollow: use(SubscriptionRoutes.change(follow: false).handle)
        case .subscriptions: use(SubscriptionsView.show)
        case .setDigest: use(SubscriptionsView.setDigest.handle)
        case .importHistory: use(ImportRoutes.history)
        case .importRecord: use(ImportRoutes.record)
        case .importForm: use(ImportRoutes.showUpload)
        case .uploadImport: use(ImportRoutes.upload.handle)
        case .importJob: use(ImportRoutes.job)
        case .applyImport: use(ImportRoutes.apply.handle)
        case .cancelImport: use(ImportRoutes.cancel.handle)
        }
    }

    /// A page: the template rendered with the view model its loader builds.
    private static func page<View: Encodable & SendableMetatype>(
        _ template: String, _ load: @escaping @Sendable (Request) async throws -> View
    ) -> Handler {
        { request in try await request.view.render(template, load(request)).encodeResponse(for: request) }
    }

    private static func use<R: AsyncResponseEncodable>(
        _ handler: @escaping @Sendable (Request) async throws -> R
    ) -> Handler {
        { request in try await handler(request).encodeResponse(for: request) }
    }

    /// Remembers the person's language in a cookie and goes back to the page they were on. Only local paths are
    /// accepted as the destination, so the link cannot send anyone elsewhere.
    @Sendable static func switchLanguage(_ request: Request) async throws -> Vapor.Response {
        guard let code = request.parameters.get("code"), let language = Language(rawValue: code) else {
            throw Abort(.notFound)
        }
        let target = LocalPath.safe(try? request.query.get(String.self, at: "return"), otherwise: .home)
        let response = request.redirect(to: target, redirectType: .normal)
        response.cookies[LanguageMiddleware.cookieName] = HTTPCookies.Value(
            string: language.rawValue, maxAge: 60 * 60 * 24 * 365, path: "/", isSecure: false, isHTTPOnly: true,
            sameSite: .lax)
        return response
    }

    @Sendable static func stylesheet(_ request: Request) async throws -> Vapor.Response {
        let response = Vapor.Response(status: .ok, body: .init(data: try SiteResources.stylesheet()))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        response.headers.cacheControl = .init(maxAge: 3600)
        return response
    }
}
