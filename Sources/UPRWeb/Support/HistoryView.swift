import UPRLocalization
import UPRStore

/// A record's history page (plan entry, indicator with its measurements, meeting): each audited change, who made it
/// and when, with every changed field before and after. Read-only by design.
struct HistoryView: Encodable {
    struct Change: Encodable {
        var field: String
        var before: String
        var after: String
    }
    struct Entry: Encodable {
        var at: String
        var actor: String
        var summary: String
        var changes: [Change]
        var hasChanges: Bool
    }
    var layout: Layout
    var heading: String
    var backHref: SiteRoute
    var entries: [Entry]

    /// The page from the record's audit entries, newest first, each changed field labelled by `label(field)`.
    static func make(
        _ log: [AuditLog.Entry], heading: String, back: SiteRoute, section: Layout.Section, _ context: PageContext,
        label: (String) -> String
    ) -> HistoryView {
        let t = context.t
        return HistoryView(
            layout: Layout(context, title: t("history.title"), section: section), heading: heading, backHref: back,
            entries: log.map { item in
                let changes = item.changes.keys.sorted().map { key in
                    Change(
                        field: label(key), before: item.changes[key]?.before ?? "",
                        after: item.changes[key]?.after ?? "")
                }
                return Entry(
                    at: Timestamp.date(item.at).map { t.date($0) + " " + String(item.at.dropFirst(11).prefix(5)) }
                        ?? item.at,
                    actor: item.actor, summary: item.summary, changes: changes, hasChanges: !changes.isEmpty)
            })
    }
}
