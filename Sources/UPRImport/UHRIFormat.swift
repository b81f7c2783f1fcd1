import Foundation
import UPRFileFormats
import UPRSpreadsheet

/// The two layouts of UHRI's "Export", recognised from the content like the other formats.
///
/// `ImportFormat.detect` asks it once the more common formats are ruled out; the mapper asks it where the two
/// layouts differ (where a fault is, and whether the text is HTML).
public enum UHRIFormat: String, Sendable, CaseIterable {
    /// The XLSX workbook: one sheet, one header row.
    case workbook = "uhri-xlsx"
    /// The JSON array of records.
    case json = "uhri-json"

    /// The import format of this layout.
    public var importFormat: ImportFormat { self == .workbook ? .uhriXLSX : .uhriJSON }

    /// How many UHRI headings a sheet's first row must have to be taken for an export: `Text` or `Type` alone are
    /// common headings, three of the sixteen are not a coincidence.
    static let headingsToRecognise = 3
    /// How much of a JSON file is read to find its first record's `AnnotationId`.
    static let jsonSampleSize = 1 << 20

    /// The layout of a UHRI export, or nil when the data is neither: a zip whose first sheet's header names UHRI
    /// columns, or a JSON array whose first element is an object with an `AnnotationId`. Only the header row of a
    /// workbook and the first record of a JSON file are looked at; the parsers check the rest.
    public static func detect(data: Data) -> UHRIFormat? {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            let header = try? WorkbookReader.firstSheet(in: data, rowLimit: 1) { grid in grid.rows.first }
            guard let header else { return nil }
            return UHRIWorkbookHeader(header).knownFieldCount >= headingsToRecognise ? .workbook : nil
        }
        var stream = JSONArrayStream()
        let sample = data.prefix(jsonSampleSize)
        stream.append(sample)
        if sample.count == data.count { stream.finish() }
        guard case .element(.object(let members))? = try? stream.next() else { return nil }
        return members.keys.contains { UHRIField.matching(jsonKey: $0) == .annotationID } ? .json : nil
    }
}
