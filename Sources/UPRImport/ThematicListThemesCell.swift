import UPRDomain

/// What the themes cell of a thematic list says: themes, then labelled lists of affected persons and SDGs.
///
/// One item per line, maybe prefixed "- ". A label line ("Affected persons:", "Groups of Persons:", "SDGs:") switches
/// to the next list. Egypt's list puts several themes in one paragraph separated by line breaks, so lines, not
/// paragraphs, are the items.
struct ThematicListThemesCell: Sendable, Equatable {
    private(set) var themes: [OHCHRTheme] = []
    private(set) var affectedPersons: [String] = []
    private(set) var sdgs: [Int] = []
    /// Lines under "SDGs:" that name no goal, to warn about.
    private(set) var unreadSDGs: [String] = []

    private enum List { case themes, persons, sdgs }

    private static let labels: [String: List] = [
        "affected persons": .persons, "persons affected": .persons, "groups of persons": .persons,
        "group of persons": .persons, "sdgs": .sdgs, "sdg": .sdgs, "relevant sdgs": .sdgs,
        "sustainable development goals": .sdgs, "themes": .themes, "human rights themes": .themes,
    ]

    init() {}

    /// Reads a themes cell.
    init(paragraphs: [String]) {
        read(paragraphs, startingIn: .themes)
    }

    /// Reads a cell that holds only SDGs (cycle 4's separate column).
    init(sdgParagraphs: [String]) {
        read(sdgParagraphs, startingIn: .sdgs)
    }

    private mutating func read(_ paragraphs: [String], startingIn start: List) {
        var list = start
        for paragraph in paragraphs {
            for rawLine in paragraph.split(whereSeparator: \.isNewline) {
                var line = String(rawLine).collapsingWhitespace()
                if let colon = line.firstIndex(of: ":"),
                    let labelled = Self.labels[line[..<colon].lowercased().trimmingSpaces()]
                {
                    list = labelled
                    line = String(line[line.index(after: colon)...]).trimmingSpaces()
                }
                let item = Self.itemText(line)
                guard !item.isEmpty else { continue }
                switch list {
                case .themes:
                    let theme = OHCHRTheme(heading: item)
                    if !themes.contains(theme) { themes.append(theme) }
                case .persons:
                    if !affectedPersons.contains(item) { affectedPersons.append(item) }
                case .sdgs:
                    if let goal = SDG.goal(parsing: item) {
                        if !sdgs.contains(goal) { sdgs.append(goal) }
                    } else {
                        unreadSDGs.append(item)
                    }
                }
            }
        }
    }

    /// The item without its list marker ("- ", "• ").
    private static func itemText(_ line: String) -> String {
        var text = Substring(line)
        while let first = text.first, first == "-" || first == "•" || first == "–" || first.isWhitespace {
            text = text.dropFirst()
        }
        return String(text)
    }
}
