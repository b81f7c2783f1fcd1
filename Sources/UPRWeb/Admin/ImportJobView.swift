import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// One uploaded file: while a job works on it, its progress (the page reloads itself); then its preview, per state
/// under review, with every problem, and the buttons that apply or cancel it; once applied, links to its imports.
struct ImportJobView: Encodable {
    struct StateRow: Encodable {
        var state: String
        var created: String
        var updated: String
        var unchanged: String
    }
    struct Applied: Encodable {
        var href: SiteRoute
        var label: String
    }
    var layout: Layout
    var csrf: String
    var heading: String
    var facts: [Fact]
    var status: String
    var pending: Bool
    var progressDone: Int
    var progressTotal: Int
    var progressText: String
    var previewed: Bool
    var summary: String?
    var states: [StateRow]
    var problems: [String]
    var hasProblems: Bool
    /// Terms of the file that the taxonomies did not hold (`taxonomy: name`), which applying adds.
    var termsAdded: [String]
    var hasTermsAdded: Bool
    var applyAction: SiteRoute
    var cancelAction: SiteRoute
    var canCancel: Bool
    var failure: String?
    var applied: [Applied]
    var hasApplied: Bool
    var history: SiteRoute
    var upload: SiteRoute
    var errors: [FieldError]
    var hasErrors: Bool

    struct Fact: Encodable {
        var label: String
        var value: String
    }

    static func load(_ request: Request, errors: [FieldError] = []) async throws -> ImportJobView {
        try request.require(.importRecords)
        let id = try request.pathID()
        guard let job = try await ImportJobStore(request.sql()).job(id) else { throw Abort(.notFound) }
        return build(request.page, job: job, live: request.application.importProgress.progress(of: id), errors: errors)
    }

    /// The page of `job`; `live` is this process's progress of it, when this process runs it.
    static func build(
        _ context: PageContext, job: ImportJob, live: (done: Int, total: Int)?, errors: [FieldError] = []
    ) -> ImportJobView {
        let t = context.t
        var done = job.progressDone
        var total = job.progressTotal
        if let live, live.done >= done {
            (done, total) = live
        }
        let preview = job.status == .previewed ? job.preview : nil
        var counts: [String: ImportSummary.StateCounts] = [:]
        for summary in preview?.summaries ?? [] {
            for (state, count) in summary.states {
                counts[state, default: .init()].created += count.created
                counts[state, default: .init()].updated += count.updated
                counts[state, default: .init()].unchanged += count.unchanged
            }
        }
        let totals = (preview?.summaries ?? []).reduce(into: (0, 0, 0)) {
            $0.0 += $1.created
            $0.1 += $1.updated
            $0.2 += $1.unchanged
        }
        var layout = Layout(context, title: t("imports.job.title", ["file": job.fileName]), section: .admin)
        if job.isPending { layout.refreshSeconds = 2 }
        return ImportJobView(
            layout: layout, csrf: context.csrf, heading: t("imports.job.title", ["file": job.fileName]),
            facts: [
                Fact(label: t("imports.col.format"), value: job.format),
                Fact(label: t("imports.col.sha256"), value: job.sha256),
                Fact(label: t("imports.col.size"), value: ImportUploadView.megabytes(job.sizeBytes, t)),
                Fact(label: t("imports.col.by"), value: job.actor),
                Fact(label: t("imports.col.uploaded"), value: ImportTime.moment(job.createdAt, t)),
            ],
            // Which step a queued, running or failed job is at; a finished one says it in its status.
            status: t("imports.status.\(job.status.rawValue)")
                + (job.isPending || job.status == .failed ? " (" + t("imports.task.\(job.task.rawValue)") + ")" : ""),
            pending: job.isPending, progressDone: done, progressTotal: max(total, done),
            progressText: total > 0
                ? t("imports.job.progress", ["done": t.number(done), "total": t.number(total)])
                : t("imports.job.waiting"),
            previewed: preview != nil,
            summary: preview.map {
                t(
                    "imports.preview.summary",
                    [
                        "created": t.number(totals.0), "updated": t.number(totals.1), "unchanged": t.number(totals.2),
                        "problems": t.number($0.warnings.count),
                    ])
            },
            states: counts.keys.sorted().map {
                StateRow(
                    state: $0, created: t.number(counts[$0]!.created), updated: t.number(counts[$0]!.updated),
                    unchanged: t.number(counts[$0]!.unchanged))
            },
            problems: preview?.warnings ?? [], hasProblems: !(preview?.warnings ?? []).isEmpty,
            termsAdded: (preview?.summaries.flatMap(\.termsAdded) ?? []).map { termLabel($0, t) },
            hasTermsAdded: preview?.summaries.contains { !$0.termsAdded.isEmpty } ?? false,
            applyAction: .importApply(job.id), cancelAction: .importCancel(job.id),
            canCancel: job.status == .previewed || job.status == .failed || job.status == .queued,
            failure: job.status == .failed ? job.error : nil,
            applied: job.importIDs.map { Applied(href: .importRecord($0), label: t("imports.job.appliedLink")) },
            hasApplied: !job.importIDs.isEmpty, history: .importHistory(), upload: .importUpload,
            errors: errors, hasErrors: !errors.isEmpty)
    }

    /// `theme: D32 Enforced disappearances` with the taxonomy's name in the page's language.
    static func termLabel(_ term: String, _ t: Translator) -> String {
        guard let colon = term.range(of: ": "), let taxonomy = Taxonomy(rawValue: String(term[..<colon.lowerBound]))
        else { return term }
        return t(taxonomy.labelKey) + ": " + term[colon.upperBound...]
    }
}
