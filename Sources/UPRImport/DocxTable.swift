/// A table of a Word document: its rows in order.
public struct DocxTable: Sendable, Hashable {
    /// The rows, the header row (if any) first.
    public var rows: [DocxTableRow]

    /// Creates a table.
    public init(rows: [DocxTableRow]) { self.rows = rows }
}
