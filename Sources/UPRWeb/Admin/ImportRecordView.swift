import UPRLocalization
import UPRStore
import Vapor

/// One import: what it read and changed, and, for a file applied in the browser, what its preview noticed.
struct ImportRecordView: Encodable {
    var layout: Layout
    var heading: String
    var facts: [ImportJobView.Fact]
    var problems: [String]
    var hasProblems: Bool
    var history: SiteRoute
    var job: SiteRoute?

    static func load(_ request: Request) async throws -> ImportRecordView {
        try request.require(.importRecords)
        let id = try request.pathID()
        let sql = try request.sql()
        guard let entry = try await ImportHistory.entry(id, on: sql) else { throw Abort(.notFound) }
        let job = try await ImportJobStore(sql).job(importID: id)
        return build(request.page, entry: entry, job: job)
    }

    static func build(_ context: PageContext, entry: ImportHistory.Entry, job: ImportJob?) -> ImportRecordView {
        let t = context.t
        let problems = job?.preview?.warnings ?? []
        return ImportRecordView(
            layout: Layout(context, title: t("imports.record.title", ["file": entry.fileName]), section: .admin),
            heading: t("imports.record.title", ["file": entry.fileName]),
            facts: [
                .init(label: t("imports.col.when"), value: ImportTime.moment(entry.startedAt, t)),
                .init(label: t("imports.col.by"), value: entry.actor),
                .init(label: t("imports.col.format"), value: entry.format),
                .init(label: t("imports.col.sha256"), value: entry.sha256),
                .init(label: t("imports.col.rows"), value: t.number(entry.rowsRead)),
                .init(label: t("imports.col.created"), value: t.number(entry.created)),
                .init(label: t("imports.col.updated"), value: t.number(entry.updated)),
                .init(label: t("imports.col.unchanged"), value: t.number(entry.unchanged)),
                .init(label: t("imports.col.duration"), value: ImportTime.duration(entry.seconds, t)),
                .init(label: t("imports.col.status"), value: t("imports.status.applied")),
            ],
            problems: problems, hasProblems: !problems.isEmpty, history: .importHistory(),
            job: job.map { .importJob($0.id) })
    }
}
