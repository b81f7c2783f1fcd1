/// Which column of a thematic list holds what, read from the header row's wording.
///
/// The layouts differ: cycle 2 lists have Recommendation | Position | Full list of themes | Assessment; Egypt's
/// adds "Recommending state/s" second; cycle 4 has Recommendation and recommending State | Position | Human rights
/// themes and groups of persons | Relevant SDGs.
struct ThematicListColumns: Sendable, Equatable {
    var recommendation = 0
    var position: Int? = 1
    var themes: Int? = 2
    var sdgs: Int?
    var states: Int?

    /// The layout when a table has no header row.
    init() {}

    /// Reads the roles from a header row; nil when the row is not a header.
    init?(header cells: [DocxTableCell]) {
        let titles = cells.map { $0.text.lowercased().trimmingSpaces() }
        guard titles.count >= 2, let first = titles.first, first.hasPrefix("recommendation") else { return nil }
        position = nil
        themes = nil
        for (index, title) in titles.enumerated() {
            if title.contains("position") {
                position = index
            } else if title.contains("sdg") || title.contains("sustainable development") {
                sdgs = index
            } else if title.contains("recommending state") && !title.hasPrefix("recommendation") {
                states = index
            } else if title.hasPrefix("recommendation") {
                recommendation = index
            } else if title.contains("theme") || title.contains("right") || title.contains("affected")
                || title.contains("persons")
            {
                themes = index
            }
        }
        guard position != nil else { return nil }
    }
}
