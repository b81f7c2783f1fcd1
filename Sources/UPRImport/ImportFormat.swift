import Foundation
import UPRFileFormats

/// The kinds of file the importer reads.
public enum ImportFormat: String, Sendable, CaseIterable {
    /// A UPR Info database export (CSV).
    case uprInfo = "upr-info"
    /// An OHCHR thematic list of recommendations (Word .docx).
    case ohchrDocx = "ohchr-docx"
    /// The Universal Human Rights Index's export as a workbook (XLSX).
    case uhriXLSX = "uhri-xlsx"
    /// The Universal Human Rights Index's export as JSON, read as a stream.
    case uhriJSON = "uhri-json"

    static let unrecognisedMessage = "not a UPR Info export, an OHCHR thematic list or a UHRI export (XLSX or JSON)"

    /// Detects the format from the content: a zip holding `word/document.xml` is a thematic list, a workbook whose
    /// header names UHRI columns is a UHRI export, text whose first row names UPR Info columns is an export, and a
    /// JSON array of objects with an `AnnotationId` is UHRI's JSON. The file name is only used in error messages,
    /// because users rename files and extensions lie. Only the first megabyte is needed (`detectionPrefix`).
    public static func detect(data: Data, fileName: String) throws(ImportError) -> ImportFormat {
        guard !data.isEmpty else { throw ImportError(file: fileName, message: "the file is empty") }
        let prefix = data.prefix(8)
        if prefix.starts(with: [0x50, 0x4B, 0x03, 0x04]) || prefix.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            // Only the directory is read here; the parser inflates the parts it needs.
            let zip: ZipReader
            do {
                zip = try ZipReader(data, limits: DocxPackage.zipLimits)
            } catch {
                throw ImportError(file: fileName, message: "not a readable Word (.docx) file: \(error.message)")
            }
            if !zip.contains(DocxPackage.documentPath), let uhri = UHRIFormat.detect(data: data) {
                return uhri.importFormat
            }
            guard zip.contains(DocxPackage.documentPath) else {
                throw ImportError(
                    file: fileName,
                    message: "a zip archive without \(DocxPackage.documentPath), so not a Word document: "
                        + unrecognisedMessage)
            }
            return .ohchrDocx
        }
        if prefix.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw ImportError(
                file: fileName,
                message: "\(unrecognisedMessage): this is an old Word 97-2003 (.doc) or Excel (.xls) file; "
                    + "save it as .docx or .csv")
        }
        if looksLikeUPRInfoHeader(data) { return .uprInfo }
        if UHRIFormat.detect(data: data) == .json { return .uhriJSON }
        throw ImportError(file: fileName, message: unrecognisedMessage)
    }

    /// How much of a file `detect` needs to tell a streamed format (UHRI's JSON) from the others.
    public static let detectionPrefix = UHRIFormat.jsonSampleSize

    /// Whether the format is read record by record from the file rather than parsed whole in memory.
    public var isStreamed: Bool { self == .uhriJSON }

    /// Whether the first line is a CSV header naming at least two UPR Info columns; enough to say what the file is
    /// meant to be, so that a missing required column is reported as such by the parser.
    private static func looksLikeUPRInfoHeader(_ data: Data) -> Bool {
        // The header is in the first few hundred bytes; decoding 64 KB keeps detection cheap on big exports.
        let sample = data.prefix(65_536)
        let bytes = LegacyTextDecoding.utf8Bytes(of: Data(sample)).bytes
        guard !UPRInfoExportParser.looksBinary(bytes) else { return false }
        var reader = CSVReader(bytes: bytes)
        guard let first = try? reader.nextRecord() else { return false }
        return UPRInfoHeader(fields: first).knownColumnCount >= 2
    }
}
