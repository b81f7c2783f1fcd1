/// A cell of a Word table: its paragraphs' text.
public struct DocxTableCell: Sendable, Hashable {
    /// One string per paragraph. A line break (`w:br`, `w:cr`) inside a paragraph is `"\n"` and a tab is `"\t"`,
    /// so that callers can split lists that Word keeps in one paragraph; paragraphs of a table nested in this cell
    /// are included in order.
    public var paragraphs: [String]
    /// How many grid columns the cell spans (`w:gridSpan`).
    public var columnSpan: Int

    /// Creates a cell.
    public init(paragraphs: [String], columnSpan: Int = 1) {
        self.paragraphs = paragraphs
        self.columnSpan = columnSpan
    }

    /// The paragraphs joined by line breaks.
    public var text: String { paragraphs.joined(separator: "\n") }

    /// Whether the cell holds no visible text.
    public var isBlank: Bool { paragraphs.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
}
