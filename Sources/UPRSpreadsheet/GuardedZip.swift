import Foundation
import ZIPFoundation

/// Reads the parts of an XLSX package held in memory, trusting nothing in the file.
///
/// ZIPFoundation's `Archive` is not used for reading: its in-memory reader follows the directory's offsets without
/// checking them against the data (a truncated or forged file makes it read out of bounds and trap), and on Linux
/// its inflater loops forever on a deflate stream that never ends (it keeps asking for input past the end of the
/// file). This reader parses the directory itself, checks every offset and size, and inflates each part with
/// ZIPFoundation's `Data.decompress` fed only the part's own compressed bytes: asked for more, it fails.
struct GuardedZip {
    /// An XLSX part is at most a few tens of megabytes (a 5,000-row sheet is about 10 MB); a zip bomb is gigabytes.
    static let partSizeLimit = 256 << 20

    private struct Entry {
        var method: Int
        var checksum: UInt32
        var compressedSize: Int
        var dataStart: Int
    }

    /// The entries' paths in directory order.
    let paths: [String]
    private let bytes: [UInt8]
    private let entries: [String: Entry]

    init(_ data: Data) throws(ReadProblem) {
        let bytes = [UInt8](data)
        var paths: [String] = []
        var entries: [String: Entry] = [:]
        let problem = Self.readDirectory(bytes) { path, entry in
            guard entries[path] == nil else { return }
            entries[path] = entry
            paths.append(path)
        }
        if let problem { throw ReadProblem("not a readable XLSX workbook: \(problem)") }
        self.bytes = bytes
        self.paths = paths
        self.entries = entries
    }

    func contains(_ path: String) -> Bool { entries[path] != nil }

    /// The part's bytes, inflated and checked against its CRC-32.
    func part(_ path: String) throws(ReadProblem) -> [UInt8] {
        guard let entry = entries[path] else { throw ReadProblem("the workbook has no part \(path)") }
        let compressed = bytes[entry.dataStart..<(entry.dataStart + entry.compressedSize)]
        if entry.method == 0 {
            guard compressed.count <= Self.partSizeLimit else { throw tooLarge(path) }
            guard Data(compressed).crc32(checksum: 0) == entry.checksum else { throw damaged(path) }
            return Array(compressed)
        }
        var output: [UInt8] = []
        let bufferSize = 1 << 16
        do {
            let checksum = try Data.decompress(
                size: Int64(entry.compressedSize), bufferSize: bufferSize, skipCRC32: false,
                provider: { position, size in
                    // ZIPFoundation hands the inflater `size` bytes whatever the chunk holds, so every chunk is
                    // padded to that size; a stream that still wants input after its own bytes is truncated.
                    let start = compressed.startIndex + Int(position)
                    guard start < compressed.endIndex else { throw Truncated() }
                    var chunk = Data(compressed[start..<min(start + size, compressed.endIndex)])
                    if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
                    return chunk
                },
                consumer: { chunk in
                    output.append(contentsOf: chunk)
                    if output.count > Self.partSizeLimit { throw SizeExceeded() }
                })
            guard checksum == entry.checksum else { throw damaged(path) }
        } catch let problem as ReadProblem {
            throw problem
        } catch is SizeExceeded {
            throw tooLarge(path)
        } catch {
            throw damaged(path)
        }
        return output
    }

    private struct Truncated: Error {}
    private struct SizeExceeded: Error {}

    private func damaged(_ path: String) -> ReadProblem {
        ReadProblem("the workbook is damaged or truncated (\(path) cannot be unpacked)")
    }

    private func tooLarge(_ path: String) -> ReadProblem {
        ReadProblem("the workbook's part \(path) is larger than \(Self.partSizeLimit >> 20) MB")
    }

    // MARK: - Directory

    /// Calls `found` for each entry of the central directory; returns a description of the first fault, if any.
    private static func readDirectory(_ bytes: [UInt8], found: (String, Entry) -> Void) -> String? {
        let count = bytes.count
        func uint16(_ at: Int) -> Int? {
            guard at >= 0, at + 2 <= count else { return nil }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8
        }
        func uint32(_ at: Int) -> Int? {
            guard at >= 0, at + 4 <= count else { return nil }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
        }
        guard count >= 22 else { return "the file is too short to be a zip archive" }
        // The end-of-directory record is the last 22 bytes, unless an archive comment (at most 64 KB) follows it.
        var end = count - 22
        let earliest = max(0, count - 22 - 0xFFFF)
        while end >= earliest && uint32(end) != 0x0605_4B50 { end -= 1 }
        guard end >= earliest else { return "the zip archive has no directory (the file may be truncated)" }
        guard let entryCount = uint16(end + 10), let directoryStart = uint32(end + 16) else {
            return "the zip archive's directory is damaged"
        }
        if entryCount == 0xFFFF || directoryStart == 0xFFFF_FFFF || (end >= 20 && uint32(end - 20) == 0x0706_4B50) {
            return "ZIP64 archives are not supported"
        }
        var position = directoryStart
        for _ in 0..<entryCount {
            guard uint32(position) == 0x0201_4B50, position + 46 <= count,
                let flags = uint16(position + 8), let method = uint16(position + 10),
                let checksum = uint32(position + 16), let compressed = uint32(position + 20),
                let uncompressed = uint32(position + 24), let nameLength = uint16(position + 28),
                let extraLength = uint16(position + 30), let commentLength = uint16(position + 32),
                let local = uint32(position + 42), position + 46 + nameLength <= count
            else { return "the zip archive's directory is damaged (the file may be truncated)" }
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
                return "ZIP64 archives are not supported"
            }
            if flags & 0x1 != 0 { return "the workbook is encrypted; remove its password in Excel and try again" }
            guard method == 0 || method == 8 else {
                return "an entry uses an unsupported compression method (\(method))"
            }
            guard uint32(local) == 0x0403_4B50, let localName = uint16(local + 26),
                let localExtra = uint16(local + 28)
            else { return "an entry of the zip archive is damaged" }
            let dataStart = local + 30 + localName + localExtra
            guard dataStart + compressed <= count else {
                return "an entry runs past the end of the file (it may be truncated)"
            }
            let path = String(decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
            found(
                path,
                Entry(method: method, checksum: UInt32(checksum), compressedSize: compressed, dataStart: dataStart))
            position += 46 + nameLength + extraLength + commentLength
        }
        return nil
    }
}
