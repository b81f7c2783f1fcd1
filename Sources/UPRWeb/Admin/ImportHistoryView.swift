import UPRLocalization
import UPRStore
import Vapor

/// Every import, from the browser or `upr import`, newest first, a page at a time.
struct ImportHistoryView: Encodable {
    struct Row: Encodable {
        var href: SiteRoute
        var when: String
        var actor: String
        var fileName: String
        var sha256: String
        var shortHash: String
        var format: String
        var created: String
        var updated: String
        var unchanged: String
        var duration: String
        var status: String
    }
    var layout: Layout
    var rows: [Row]
    var hasRows: Bool
    var paging: Paging
    var upload: SiteRoute

    static func load(_ request: Request) async throws -> ImportHistoryView {
        try request.require(.importRecords)
        let page = max(1, (try? request.query.get(Int.self, at: "page")) ?? 1)
        let history = try await ImportHistory.load(page: page, on: request.sql())
        return build(request.page, history: history, page: page)
    }

    static func build(_ context: PageContext, history: ImportHistory, page: Int) -> ImportHistoryView {
        let t = context.t
        let pages = max(1, (history.total + ImportHistory.pageSize - 1) / ImportHistory.pageSize)
        return ImportHistoryView(
            layout: Layout(context, title: t("imports.history.title"), section: .admin),
            rows: history.entries.map {
                Row(
                    href: .importRecord($0.id), when: ImportTime.moment($0.startedAt, t), actor: $0.actor,
                    fileName: $0.fileName, sha256: $0.sha256, shortHash: String($0.sha256.prefix(12)),
                    format: $0.format, created: t.number($0.created), updated: t.number($0.updated),
                    unchanged: t.number($0.unchanged), duration: ImportTime.duration($0.seconds, t),
                    status: t("imports.status.applied"))
            }, hasRows: !history.entries.isEmpty,
            paging: Paging(page: page, pages: pages, t: t) { .importHistory(page: $0) }, upload: .importUpload)
    }
}
