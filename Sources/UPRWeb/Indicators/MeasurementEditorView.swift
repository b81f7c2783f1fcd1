import FluentKit
import Foundation
import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// Entering a measurement of an indicator (the responsible organisation or a data partner), the administrator's
/// review, and the evidence download. A refused measurement stores nothing: the checks run before the transaction
/// and the writes run in it.
struct MeasurementEditorView: Encodable {
    struct Dimension: Encodable {
        var name: String
        var label: String
        var value: String
    }
    var layout: Layout
    var csrf: String
    var heading: String
    var indicatorHref: SiteRoute
    var action: SiteRoute
    var unit: String
    var value: String
    var date: String
    var source: String
    var link: String
    var dimensions: [Dimension]
    var hasDimensions: Bool
    var maxSize: String
    var errors: [FieldError]
    var hasErrors: Bool

    /// The form for a measurement of `indicator`, empty (the indicator's unit and source filled in) or as typed.
    static func build(_ context: PageContext, _ indicator: Indicator, form: MeasurementForm?, errors: [FieldError] = [])
        -> MeasurementEditorView
    {
        let t = context.t
        let typed = form?.input
        return MeasurementEditorView(
            layout: Layout(context, title: t("measurement.new"), section: .indicators),
            csrf: context.csrf,
            heading: t("measurement.new") + ": " + indicator.fields.title,
            indicatorHref: SiteRoute.indicator(indicator.id),
            action: SiteRoute.measurements(indicatorID: indicator.id), unit: typed?.unit ?? indicator.fields.unit,
            value: typed?.value ?? "", date: typed?.date ?? "", source: typed?.source ?? indicator.fields.dataSource,
            link: typed?.link ?? "",
            dimensions: indicator.fields.dimensions.map {
                Dimension(name: $0.rawValue, label: t($0.labelKey), value: typed?.disaggregation[$0] ?? "")
            },
            hasDimensions: !indicator.fields.dimensions.isEmpty,
            maxSize: t("measurement.evidence.hint", ["size": t.number(EvidenceType.maximumSize / 1024 / 1024)]),
            errors: errors, hasErrors: !errors.isEmpty)
    }

    /// The label of a form field, so a message names the field it is about.
    static func label(_ field: String, _ t: Translator) -> String {
        if field.hasPrefix("dis-"), let dimension = DisaggregationDimension(rawValue: String(field.dropFirst(4))) {
            return t(dimension.labelKey)
        }
        let keys = [
            "value": "measurement.field.value", "date": "measurement.field.date", "unit": "indicator.field.unit",
            "source": "measurement.field.source", "link": "measurement.field.link", "evidence": "measurement.evidence",
        ]
        return keys[field].map { t($0) } ?? field
    }

    static func requireEntry(_ request: Request, _ indicator: Indicator) throws {
        try request.require(entry(indicator))
    }

    static func entry(_ indicator: Indicator) -> Action {
        .enterMeasurement(
            responsibleOrganisationID: indicator.fields.responsibleOrganisationID,
            dataPartnerIDs: Set(indicator.fields.dataPartnerIDs))
    }

    @Sendable static func new(_ request: Request) async throws -> Vapor.Response {
        let indicator = try await IndicatorRoutes.indicator(request)
        try requireEntry(request, indicator)
        return try await request.view.render("measurement-new", build(request.page, indicator, form: nil))
            .encodeResponse(for: request)
    }

    static let save = FormPost(
        MeasurementForm.self, load: { try await IndicatorRoutes.indicator($0) }, rule: .forSubject(entry),
        write: { indicator, form, write in
            let t = write.request.t
            let valid = try MeasurementEntry.check(form.input, for: indicator)
            var evidence: EvidenceFile?
            // A browser sends an empty part with no name when no file was chosen.
            if let file = form.evidence, !(file.filename.isEmpty && file.data.readableBytes == 0) {
                let bytes = Array(file.data.readableBytesView)
                switch EvidenceType.detect(bytes, fileName: file.filename) {
                case .success(let type):
                    let name = String(
                        file.filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "evidence")
                    evidence = EvidenceFile(fileName: String(name.prefix(200)), type: type, content: bytes)
                case .failure(let problem):
                    throw FieldProblems([
                        .init(
                            field: "evidence", messageKey: "measurement.error.file.\(problem.rawValue)",
                            arguments: ["size": t.number(EvidenceType.maximumSize / 1024 / 1024)])
                    ])
                }
            }
            _ = try await MeasurementStore(write.sql).add(
                indicatorID: indicator.id, valid, evidence: evidence, userID: write.principal.userID, actor: write.actor
            )
            return .redirect(.indicator(indicator.id), at: "measurements")
        },
        refused: { request, indicator, form, errors in
            let t = request.t
            return try await request.render(
                "measurement-new",
                build(
                    request.page, indicator, form: form,
                    errors: errors.map { FieldError(field: $0.field, message: label($0.field, t) + ": " + $0.message) }),
                status: .unprocessableEntity)
        })

    static let review = FormPost(
        ReviewForm.self,
        load: { request in
            guard let measurement = try await MeasurementStore(try request.sql()).measurement(id: try request.pathID())
            else { throw Abort(.notFound) }
            return measurement
        }, rule: .forSubject { _ in .reviewMeasurement },
        write: { measurement, form, write in
            guard let decision = form.decision.flatMap(MeasurementStatus.init(rawValue:)), decision != .pending else {
                throw StoreError.invalid(field: "decision", messageKey: "form.error.choice")
            }
            try await MeasurementStore(write.sql).review(
                measurement.id, version: form.version ?? 0, decision: decision,
                comment: (form.comment ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                userID: write.principal.userID, actor: write.actor)
            return .redirect(.indicator(measurement.indicatorID), at: "measurements")
        })

    /// The evidence file, for whoever may see the measurement: the public only an accepted measurement of a public
    /// indicator. Served as an attachment with its checked type, so a browser never runs it as a page.
    @Sendable static func evidence(_ request: Request) async throws -> Vapor.Response {
        guard let id = request.parameters.get("id", as: Int.self) else { throw Abort(.notFound) }
        let sql = try request.sql()
        guard let measurement = try await MeasurementStore(sql).measurement(id: id),
            let indicator = try await IndicatorStore(sql).indicator(id: measurement.indicatorID)
        else { throw Abort(.notFound) }
        let readsDrafts = Authorization.allows(request.actor, .readDrafts)
        guard readsDrafts || (indicator.isPublic && measurement.status == .accepted),
            let file = try await MeasurementStore(sql).evidence(measurementID: id)
        else { throw Abort(.notFound) }
        let response = Vapor.Response(status: .ok, body: .init(data: file.content))
        response.headers.replaceOrAdd(name: .contentType, value: file.contentType)
        let ascii = String(
            file.fileName.unicodeScalars.map {
                $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" ? Character($0) : "_"
            })
        let encoded = file.fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "evidence"
        response.headers.replaceOrAdd(
            name: .contentDisposition, value: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return response
    }
}
