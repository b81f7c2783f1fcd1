import Foundation
import ZIPFoundation

/// Reads the parts of an XLSX package held in memory, refusing damaged archives before ZIPFoundation sees them.
///
/// ZIPFoundation's in-memory reader follows the offsets of the archive's directory without checking them against
/// the data's length; a truncated or forged file would make it read out of bounds and trap. `validate` walks the
/// same records it will (the last end-of-directory record, each directory entry, each local header, each entry's
/// data and data descriptor) and checks every position first.
struct GuardedZip {
    /// An XLSX part is at most a few tens of megabytes (a 5,000-row sheet is about 10 MB); a zip bomb is gigabytes.
    static let partSizeLimit = 256 << 20

    /// The entries' paths in directory order.
    let paths: [String]
    private let archive: Archive
    private let entries: [String: Entry]

    init(_ data: Data) throws(ReadProblem) {
        if let problem = Self.validate(data) { throw ReadProblem("not a readable XLSX workbook: \(problem)") }
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw ReadProblem("not a readable XLSX workbook: not a zip archive")
        }
        var entries: [String: Entry] = [:]
        var paths: [String] = []
        for entry in archive where entries[entry.path] == nil {
            entries[entry.path] = entry
            paths.append(entry.path)
        }
        self.archive = archive
        self.entries = entries
        self.paths = paths
    }

    func contains(_ path: String) -> Bool { entries[path] != nil }

    /// The part's bytes, inflated and checked against its CRC-32.
    func part(_ path: String) throws(ReadProblem) -> [UInt8] {
        guard let entry = entries[path] else { throw ReadProblem("the workbook has no part \(path)") }
        guard entry.uncompressedSize <= UInt64(Self.partSizeLimit) else {
            throw ReadProblem("the workbook's part \(path) is larger than \(Self.partSizeLimit >> 20) MB")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(Int(entry.uncompressedSize), 16 << 20))
        do {
            let checksum = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: false) { chunk in
                bytes.append(contentsOf: chunk)
                // The declared size may lie; stop before a bomb exhausts memory.
                if bytes.count > Self.partSizeLimit { throw SizeExceeded() }
            }
            guard checksum == entry.checksum else {
                throw ReadProblem("the workbook is damaged (\(path) fails its checksum)")
            }
        } catch let problem as ReadProblem {
            throw problem
        } catch is SizeExceeded {
            throw ReadProblem("the workbook's part \(path) inflates past \(Self.partSizeLimit >> 20) MB")
        } catch {
            throw ReadProblem("the workbook is damaged (\(path) cannot be inflated)")
        }
        return bytes
    }

    private struct SizeExceeded: Error {}

    // MARK: - Structure

    /// A description of the first structural fault, or `nil` when every offset ZIPFoundation will follow is inside
    /// the data.
    static func validate(_ data: Data) -> String? {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> String? in
            let count = bytes.count
            func uint16(_ at: Int) -> Int? {
                guard at >= 0, at + 2 <= count else { return nil }
                return Int(bytes[at]) | Int(bytes[at + 1]) << 8
            }
            func uint32(_ at: Int) -> Int? {
                guard at >= 0, at + 4 <= count else { return nil }
                return Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
            }
            let endSignature = 0x0605_4B50
            guard count >= 22 else { return "the file is too short to be a zip archive" }
            // ZIPFoundation searches backwards from the end for the first end-of-directory signature.
            var end = count - 22
            while end >= 0 && uint32(end) != endSignature { end -= 1 }
            guard end >= 0 else { return "the zip archive has no directory (the file may be truncated)" }
            if end >= 20 && uint32(end - 20) == 0x0706_4B50 { return "ZIP64 archives are not supported" }
            guard let entryCount = uint16(end + 10), let directoryStart = uint32(end + 16) else {
                return "the zip archive's directory is damaged"
            }
            var position = directoryStart
            for _ in 0..<entryCount {
                guard uint32(position) == 0x0201_4B50, position + 46 <= count,
                    let flags = uint16(position + 8), let method = uint16(position + 10),
                    let compressed = uint32(position + 20), let uncompressed = uint32(position + 24),
                    let nameLength = uint16(position + 28), let extraLength = uint16(position + 30),
                    let commentLength = uint16(position + 32), let local = uint32(position + 42)
                else { return "the zip archive's directory is damaged (the file may be truncated)" }
                if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
                    return "ZIP64 archives are not supported"
                }
                guard uint32(local) == 0x0403_4B50, let localName = uint16(local + 26),
                    let localExtra = uint16(local + 28)
                else { return "an entry of the zip archive is damaged" }
                let dataStart = local + 30 + localName + localExtra
                var dataEnd = dataStart + max(compressed, method == 0 ? uncompressed : 0)
                // A data descriptor (flag bit 3) follows the data: up to 16 bytes.
                if flags & 0x8 != 0 { dataEnd += 16 }
                guard dataEnd <= count else { return "an entry runs past the end of the file (it may be truncated)" }
                position += 46 + nameLength + extraLength + commentLength
            }
            return nil
        }
    }
}
