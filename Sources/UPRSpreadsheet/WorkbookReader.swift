import Foundation

/// Other people's XLSX workbooks as grids of cell text, for importers that find their columns by header name.
///
/// The same reader as the matrix's (`ImplementationMatrix.read`): the zip is opened by the bounded `ZipReader`,
/// shared and inline strings and rich text are read, numbers come back as displayed (see `NumberDisplay`: a serial
/// number in a General cell reads "43525", the same in a date-formatted cell "2019-03-01"), line breaks in cells as
/// LF, and a damaged, truncated, encrypted or oversized file is a `ReadProblem` instead of a trap.
public enum WorkbookReader {
    /// Hands `body` each worksheet in tab order until one is accepted (returns) and returns what it returned; when
    /// every sheet is refused, throws the first refusal.
    ///
    /// With `rowLimit`, each grid holds only the sheet's first rows with text: enough to recognise a header.
    public static func firstSheet<T>(
        in data: Data, rowLimit: Int? = nil, _ body: (SheetGrid) throws(ReadProblem) -> T
    ) throws(ReadProblem) -> T {
        try XLSXReader.firstMatch(in: data, rowLimit: rowLimit, body)
    }
}
