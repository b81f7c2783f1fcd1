/// A row of a Word table: its cells left to right.
public struct DocxTableRow: Sendable, Hashable {
    /// The cells; a cell spanning several grid columns is one cell.
    public var cells: [DocxTableCell]

    /// Creates a row.
    public init(cells: [DocxTableCell]) { self.cells = cells }
}
