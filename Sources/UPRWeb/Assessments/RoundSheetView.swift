import UPRDomain
import UPRLocalization
import UPRSpreadsheet
import UPRStore
import Vapor

/// A round as a spreadsheet for the assessment meeting: one row per recommendation of the round page, then for
/// each stakeholder organisation its own columns (progress, comment, evidence) side by side, so that the meeting
/// reads across a row where the stakeholders differ. From the round page and from the API, with the page's rule
/// on who sees the round (`AssessmentRoutes.isVisible`).
enum RoundSheetView {
    /// The round page's download: 404 for a round the person may not see, as the page.
    @Sendable static func export(_ request: Request, format: SpreadsheetFormat) async throws -> Vapor.Response {
        try await download(request, round: try await AssessmentRoutes.round(request), format: format)
    }

    /// The round, already found visible to the reader, in `format`.
    static func download(_ request: Request, round: AssessmentRound, format: SpreadsheetFormat) async throws
        -> Vapor.Response
    {
        let sheet = try await RoundSheet.load(round: round, on: try request.sql())
        let t = request.t
        return format.download(
            make(sheet, t), sheetName: t("sheet.round.sheetName"),
            name: "assessments-" + Slug.make(round.stateName) + "-" + round.heldOn)
    }

    /// The table, headed in the reader's language.
    static func make(_ sheet: RoundSheet, _ t: Translator) -> SheetTable {
        typealias Column = SheetTable.Column
        var columns = [
            Column(t("sheet.recommendationID"), width: 8...14, numeric: true),
            Column(t("sheet.paragraph"), width: 9...12),
            Column(t("sheet.recommendation"), width: 40...50),
            Column(t("sheet.response"), width: 10...14),
            Column(t("sheet.cluster"), width: 14...28),
            Column(t("sheet.workingGroup"), width: 14...28),
            Column(t("round.agreement"), width: 10...16),
        ]
        for organisation in sheet.organisations {
            let group = t(
                "sheet.organisation",
                ["organisation": organisation.name, "perspective": t(organisation.perspective.labelKey)])
            columns += [
                Column(t("sheet.rating"), group: group, width: 12...18),
                Column(t("sheet.comment"), group: group, width: 24...40),
                Column(t("sheet.evidence"), group: group, width: 16...30),
            ]
        }
        let rows = sheet.lines.map { line in
            let recommendation = line.overview
            var cells = [
                String(recommendation.recommendationID), recommendation.paragraph ?? "",
                RoundView.shortText(recommendation.text), t.response(recommendation.response),
                line.clusters.map { code in Cluster(rawValue: code).map { t($0.labelKey) } ?? code }
                    .joined(separator: ", "),
                recommendation.workingGroup ?? "", t("agreement.\(recommendation.agreement.rawValue)"),
            ]
            for organisation in sheet.organisations {
                let given = line.assessments[organisation.id]
                cells += [
                    given.map { t($0.status.labelKey) } ?? "", given?.justification ?? "", given?.evidenceURL ?? "",
                ]
            }
            return cells
        }
        return SheetTable(title: sheet.round.title + " – " + sheet.round.stateName, columns: columns, rows: rows)
    }
}
