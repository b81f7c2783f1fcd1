import Foundation
import UPRFileFormats

/// The kinds of file the importer reads.
public enum ImportFormat: String, Sendable, CaseIterable {
    /// A UPR Info database export (CSV).
    case uprInfo = "upr-info"
    /// An OHCHR thematic list of recommendations (Word .docx).
    case ohchrDocx = "ohchr-docx"

    static let unrecognisedMessage = "not a UPR Info export or an OHCHR thematic list"

    /// Detects the format from the content: a zip holding `word/document.xml` is a thematic list, text whose first
    /// row names UPR Info columns is an export. The file name is only used in error messages, because users rename
    /// files and extensions lie.
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
        throw ImportError(file: fileName, message: unrecognisedMessage)
    }

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
