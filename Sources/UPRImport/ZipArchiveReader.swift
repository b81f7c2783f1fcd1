import Foundation
import ZIPFoundation

/// Reads the entries of a zip archive held in memory (a .docx is one), refusing damaged archives up front.
///
/// ZIPFoundation's in-memory reader trusts the offsets in the archive's directory; an offset past the end of the
/// data makes it read out of bounds and trap. Every offset it will follow is checked here first, so that a damaged
/// or hostile upload is an error, not a crash.
public struct ZipArchiveReader {
    /// The paths of the archive's entries, in directory order.
    public let entryPaths: [String]
    private let archive: Archive
    private let entries: [String: Entry]

    /// The largest entry `data(of:)` inflates by default: a thematic list's document.xml is 1-2 MB, a zip bomb's
    /// gigabytes.
    public static let defaultSizeLimit = 64 << 20

    /// Opens an archive after checking its structure.
    public init(data: Data) throws(ZipArchiveError) {
        try Self.checkStructure(data)
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw ZipArchiveError("not a zip archive (\(error))")
        }
        var entries: [String: Entry] = [:]
        var paths: [String] = []
        for entry in archive where entries[entry.path] == nil {
            entries[entry.path] = entry
            paths.append(entry.path)
        }
        self.entries = entries
        entryPaths = paths
    }

    /// Whether the archive has an entry at `path`.
    public func contains(_ path: String) -> Bool { entries[path] != nil }

    /// The inflated bytes of the entry at `path`, checked against its CRC-32.
    public func data(of path: String, sizeLimit: Int = defaultSizeLimit) throws(ZipArchiveError) -> Data {
        guard let entry = entries[path] else { throw ZipArchiveError("the archive has no \(path)") }
        guard entry.uncompressedSize <= UInt64(sizeLimit) else {
            throw ZipArchiveError("\(path) is larger than \(sizeLimit >> 20) MB")
        }
        var out = Data()
        // The declared size is only a hint from the file; reserve no more than a large document needs.
        out.reserveCapacity(min(Int(entry.uncompressedSize), 16 << 20))
        do {
            let checksum = try archive.extract(entry, skipCRC32: false) { chunk in
                out.append(chunk)
                // The declared size can lie; stop inflating at the limit rather than exhausting memory.
                if out.count > sizeLimit { throw ZipArchiveError("\(path) inflates past \(sizeLimit >> 20) MB") }
            }
            guard checksum == entry.checksum else { throw ZipArchiveError("\(path) is damaged (checksum mismatch)") }
        } catch let error as ZipArchiveError {
            throw error
        } catch {
            throw ZipArchiveError("\(path) cannot be inflated (\(error))")
        }
        return out
    }

    // MARK: - Structure check

    private static let endOfCentralDirectorySignature: UInt32 = 0x0605_4B50
    private static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    private static let centralDirectorySignature: UInt32 = 0x0201_4B50
    private static let localHeaderSignature: UInt32 = 0x0403_4B50

    /// Walks the directory the way ZIPFoundation will and checks that every position it seeks to is inside the data.
    private static func checkStructure(_ data: Data) throws(ZipArchiveError) {
        let problem: String? = data.withUnsafeBytes { bytes in
            let count = bytes.count
            func u16(_ offset: Int) -> Int? {
                offset >= 0 && offset + 2 <= count
                    ? Int(UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt16.self))) : nil
            }
            func u32(_ offset: Int) -> UInt32? {
                offset >= 0 && offset + 4 <= count
                    ? UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) : nil
            }
            // ZIPFoundation takes the end record closest to the end of the data.
            guard count >= 22 else { return "too short to be a zip archive" }
            var endRecord = -1
            var position = count - 22
            while position >= 0 {
                if u32(position) == endOfCentralDirectorySignature {
                    endRecord = position
                    break
                }
                position -= 1
            }
            guard endRecord >= 0 else { return "no end-of-directory record (the file may be truncated)" }
            if endRecord >= 20 && u32(endRecord - 20) == zip64LocatorSignature {
                return "ZIP64 archives are not supported"
            }
            guard let entryCount = u16(endRecord + 10), let directoryOffset = u32(endRecord + 16) else {
                return "damaged end-of-directory record"
            }
            var directory = Int(directoryOffset)
            for _ in 0..<entryCount {
                guard directory + 46 <= count, u32(directory) == centralDirectorySignature,
                    let method = u16(directory + 10),
                    let compressedSize = u32(directory + 20), let uncompressedSize = u32(directory + 24),
                    let nameLength = u16(directory + 28), let extraLength = u16(directory + 30),
                    let commentLength = u16(directory + 32), let localOffset = u32(directory + 42)
                else { return "damaged directory entry" }
                if compressedSize == .max || uncompressedSize == .max || localOffset == .max {
                    return "ZIP64 archives are not supported"
                }
                let local = Int(localOffset)
                guard local + 30 <= count, u32(local) == localHeaderSignature,
                    let localNameLength = u16(local + 26), let localExtraLength = u16(local + 28)
                else { return "damaged local entry header" }
                let dataOffset = local + 30 + localNameLength + localExtraLength
                let storedSize = Int(method == 0 ? uncompressedSize : compressedSize)
                guard dataOffset + Int(compressedSize) <= count, dataOffset + storedSize <= count else {
                    return "an entry extends past the end of the file (the file may be truncated)"
                }
                directory += 46 + nameLength + extraLength + commentLength
                guard directory <= count else { return "damaged directory entry" }
            }
            return nil
        }
        if let problem { throw ZipArchiveError(problem) }
    }
}
