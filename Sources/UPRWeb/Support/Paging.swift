import UPRLocalization

/// The page navigation of a long list: previous, next, and the pages around the current one. Rendered by
/// `pagination.leaf`.
struct Paging: Encodable {
    struct Link: Encodable {
        var label: String
        var href: SiteRoute
        var current: Bool
    }
    var hasPages: Bool
    var previous: SiteRoute?
    var next: SiteRoute?
    var links: [Link]

    /// Links for `page` of `pages`; `href` builds a page's address (with the list's filters in it).
    init(page: Int, pages: Int, t: Translator, href: (Int) -> SiteRoute) {
        hasPages = pages > 1
        previous = page > 1 ? href(page - 1) : nil
        next = page < pages ? href(page + 1) : nil
        let window = max(1, page - 3)...max(1, min(pages, page + 3))
        links = hasPages ? window.map { Link(label: t.number($0), href: href($0), current: $0 == page) } : []
    }
}
