import Foundation
import UPRFileFormats

/// The parts of a Word (.docx) file the importer reads: the main document and the page headers.
public struct DocxPackage: Sendable {
    /// `word/document.xml`.
    public var documentXML: Data
    /// `word/header*.xml` in name order; thematic lists name the review there ("UPR of Slovenia (3rd Cycle …)").
    public var headerXMLs: [Data]

    /// The zip entry every Word document has.
    public static let documentPath = "word/document.xml"

    /// A thematic list's document.xml is 1-2 MB; 64 MB per part leaves room for any real list, not for a bomb.
    static let zipLimits = ZipLimits(entrySize: 64 << 20, totalSize: 256 << 20)

    /// Opens a .docx held in memory.
    public init(data: Data, fileName: String) throws(ImportError) {
        guard !data.isEmpty else { throw ImportError(file: fileName, message: "the file is empty") }
        let zip: ZipReader
        do {
            zip = try ZipReader(data, limits: Self.zipLimits)
        } catch {
            throw ImportError(file: fileName, message: "not a readable Word (.docx) file: \(error.message)")
        }
        guard zip.contains(Self.documentPath) else {
            throw ImportError(
                file: fileName,
                message: "a zip archive without \(Self.documentPath), so not a Word document: "
                    + ImportFormat.unrecognisedMessage)
        }
        do {
            documentXML = try zip.data(of: Self.documentPath)
            headerXMLs = try zip.paths
                .filter { $0.hasPrefix("word/header") && $0.hasSuffix(".xml") }
                .sorted { $0.localizedStandardCompare($1) == .orderedAscending }
                .map { path throws(ZipError) in try zip.data(of: path) }
        } catch {
            throw ImportError(file: fileName, message: "damaged Word (.docx) file: \(error.message)")
        }
    }
}
