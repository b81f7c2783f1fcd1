import Foundation

/// The entry point for imports: bytes and a file name in, records out. No database, no network.
public enum Importer {
    /// Parses a file, detecting its format from the content unless `format` is given.
    public static func parse(data: Data, fileName: String, format: ImportFormat? = nil) throws(ImportError)
        -> ParsedFile
    {
        let detected: ImportFormat
        if let format {
            detected = format
        } else {
            detected = try ImportFormat.detect(data: data, fileName: fileName)
        }
        switch detected {
        case .uprInfo: return try UPRInfoExportParser.parse(data: data, fileName: fileName)
        case .ohchrDocx: return try OHCHRThematicListParser.parse(data: data, fileName: fileName)
        case .uhriXLSX: return try UHRIWorkbookParser.parse(data: data, fileName: fileName)
        case .uhriJSON: return try UHRIJSONParser.parse(data: data, fileName: fileName)
        }
    }
}
