import Foundation

/// The parts of a Word (.docx) file the importer reads: the main document and the page headers.
public struct DocxPackage: Sendable {
    /// `word/document.xml`.
    public var documentXML: Data
    /// `word/header*.xml` in name order; thematic lists name the review there ("UPR of Slovenia (3rd Cycle …)").
    public var headerXMLs: [Data]

    /// The zip entry every Word document has.
    public static let documentPath = "word/document.xml"

    /// Opens a .docx held in memory.
    public init(data: Data, fileName: String) throws(ImportError) {
        guard !data.isEmpty else { throw ImportError(file: fileName, message: "the file is empty") }
        let zip: ZipArchiveReader
        do {
            zip = try ZipArchiveReader(data: data)
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
            headerXMLs = try zip.entryPaths
                .filter { $0.hasPrefix("word/header") && $0.hasSuffix(".xml") }
                .sorted { $0.localizedStandardCompare($1) == .orderedAscending }
                .map { path throws(ZipArchiveError) in try zip.data(of: path) }
        } catch {
            throw ImportError(file: fileName, message: "damaged Word (.docx) file: \(error.message)")
        }
    }
}
