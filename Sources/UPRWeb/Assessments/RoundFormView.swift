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

    /// What the form offers: the states with recommendations, and the annual assessment meeting it was opened from.
    struct Facts: Sendable {
        var states: [String]
        var meeting: Meeting?
    }

    /// The states, and the meeting of `meetingID` (404 when there is none).
    static func load(_ request: Request, meetingID: Int?) async throws -> Facts {
        let sql = try request.sql()
        let choices = try await PlanMatrixChoices.load(on: sql)
        var meeting: Meeting?
        if let id = meetingID {
            guard let found = try await MeetingStore(sql).meeting(id: id) else { throw Abort(.notFound) }
            meeting = found
        }
        return Facts(states: choices.states, meeting: meeting)
    }

    /// The form, empty or as typed. Opened from an annual assessment meeting, the meeting's title and local day are
    /// the defaults; otherwise the round is held `today`.
    static func build(
        _ context: PageContext, _ facts: Facts, form: Form?, errors: [FieldError] = [],
        today: String = Timestamp.day(Date())
    ) -> RoundFormView {
        let t = context.t
        let state = form?.state ?? "Mongolia"
        let cycle = form?.cycle ?? ""
        let meeting = facts.meeting
        let meetingDay = meeting.map { String($0.fields.startsLocal.prefix(10)) }
        return RoundFormView(
            layout: Layout(context, title: t("round.new.title"), section: .assessments),
            csrf: context.csrf, heading: t("round.new.title"), title: form?.title ?? meeting?.fields.title ?? "",
            heldOn: form?.heldOn ?? meetingDay ?? today,
            states: facts.states.map { SelectOption(value: $0, label: $0, selected: $0 == state) },
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
        let facts = try await load(request, meetingID: meeting)
        return try await request.view.render("assessment-round-new", build(request.page, facts, form: nil))
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
            let view = build(request.page, try await load(request, meetingID: form.meeting), form: form, errors: errors)
            return try await request.render("assessment-round-new", view, status: .unprocessableEntity)
        })
}
