import Foundation
import ZIPFoundation

/// An Office Open XML package (XLSX, DOCX): its parts zipped in memory.
public enum OfficePackage {
    /// Every entry's modification date: 1 January 1980, the first date a zip archive can hold, so that the same
    /// document always gives the same bytes.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    public static func zip(_ parts: [(path: String, bytes: [UInt8])]) -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for part in parts {
                let data = Data(part.bytes)
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: entryDate,
                    permissions: 0o644, compressionMethod: .deflate, bufferSize: 1 << 16
                ) { position, size in
                    data.subdata(in: Int(position)..<(Int(position) + size))
                }
            }
            guard let bytes = archive.data else { preconditionFailure("an in-memory archive has no data") }
            return bytes
        } catch {
            // Only an allocation failure can make writing to memory fail.
            preconditionFailure("writing a document to memory failed: \(error)")
        }
    }
}
