import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// Opening an assessment round (the secretariat, for the annual assessment meeting).
struct RoundFormView: Encodable {
    var layout: Layout
    var csrf: String
    var heading: String
    var title: String
    var heldOn: String
    var states: [SelectOption]
    var cycles: [SelectOption]
    /// The annual assessment meeting that opens the round, when the form was reached from its page.
    var meetingID: Int?
    var meetingTitle: String?
    var meetingHref: SiteRoute?
    var errors: [FieldError]
    var hasErrors: Bool

    struct Form: Content {
        var title: String?
        var state: String?
        var cycle: String?
        var heldOn: String?
        var meeting: Int?
    }

    static func build(_ request: Request, form: Form?, meetingID: Int? = nil, errors: [FieldError] = [])
        async throws -> RoundFormView
    {
        let t = request.t
        let sql = try request.sql()
        let choices = try await PlanMatrixChoices.load(on: sql)
        let state = form?.state ?? "Mongolia"
        let cycle = form?.cycle ?? ""
        // Opened from an annual assessment meeting: the meeting's title and local day are the defaults.
        var meeting: Meeting?
        if let id = meetingID ?? form?.meeting {
            guard let found = try await MeetingStore(sql).meeting(id: id) else { throw Abort(.notFound) }
            meeting = found
        }
        let meetingDay = meeting.map { String($0.fields.startsLocal.prefix(10)) }
        return RoundFormView(
            layout: Layout(request.page, title: t("round.new.title"), section: .assessments),
            csrf: request.csrfToken, heading: t("round.new.title"), title: form?.title ?? meeting?.fields.title ?? "",
            heldOn: form?.heldOn ?? meetingDay ?? Timestamp.day(Date()),
            states: choices.states.map { SelectOption(value: $0, label: $0, selected: $0 == state) },
            cycles: [SelectOption(value: "", label: t("round.allCycles"), selected: cycle.isEmpty)]
                + (1...4).map {
                    SelectOption(
                        value: String($0), label: t("round.cycle", ["cycle": t.number($0)]),
                        selected: cycle == String($0))
                },
            meetingID: meeting?.id, meetingTitle: meeting?.fields.title,
            meetingHref: meeting.map { SiteRoute.meeting($0.id) }, errors: errors, hasErrors: !errors.isEmpty)
    }

    @Sendable static func show(_ request: Request) async throws -> Vapor.Response {
        try request.require(.manageAssessmentRounds)
        let meeting = try? request.query.get(Int.self, at: "meeting")
        return try await request.view.render("assessment-round-new", build(request, form: nil, meetingID: meeting))
            .encodeResponse(for: request)
    }

    static let save = FormPost(
        Form.self, load: { _ in }, rule: .always(.manageAssessmentRounds),
        write: { _, form, write in
            let cycleText = (form.cycle ?? "").trimmingCharacters(in: .whitespaces)
            let cycle: Int? = cycleText.isEmpty ? nil : Int(cycleText)
            if !cycleText.isEmpty && cycle == nil {
                throw StoreError.invalid(field: "cycle", messageKey: "assessment.error.cycle")
            }
            let id = try await AssessmentStore(write.sql).createRound(
                stateName: form.state ?? "", cycle: cycle, title: form.title ?? "",
                heldOn: (form.heldOn ?? "").trimmingCharacters(in: .whitespaces), meetingID: form.meeting,
                actor: write.actor)
            return .redirect(.round(id))
        },
        refused: { request, _, form, errors in
            let view = try await build(request, form: form, errors: errors)
            return try await request.render("assessment-round-new", view, status: .unprocessableEntity)
        })
}
