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

    /// A CSV file as a grid, read as the matrix's CSV is (UTF-8 with or without a byte order mark, or UTF-16; RFC
    /// 4180 quoting; line breaks in cells as LF), with the apostrophe the writers put before text that starts like
    /// a formula removed again.
    public static func csvGrid(_ data: Data, delimiter: UInt8 = UInt8(ascii: ",")) throws(ReadProblem) -> SheetGrid {
        try CSVFormat.parse(CSVFormat.utf8Bytes(Array(data)), delimiter: delimiter)
    }
}
