import Foundation
import ZIPFoundation

/// Reads the entries of a zip archive held in memory (an XLSX or DOCX file), trusting nothing in the file.
///
/// ZIPFoundation's `Archive` is not used for reading: its in-memory reader follows the directory's offsets without
/// checking them against the data (a truncated or forged file makes it read out of bounds and trap), and on Linux
/// its inflater loops forever on a deflate stream that never ends (it keeps asking for input past the end of the
/// file). This reader parses the directory itself, checks every offset and size, refuses an archive over its
/// `ZipLimits` before inflating anything, and inflates each entry with ZIPFoundation's `Data.decompress` fed only
/// the entry's own compressed bytes: asked for more, it fails; producing more than the declared size, it stops.
public struct ZipReader: Sendable {
    private struct Entry: Sendable {
        var method: Int
        var checksum: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var dataStart: Int
    }

    /// The entries' paths in directory order (a path listed twice is kept once, as its first entry).
    public let paths: [String]
    private let bytes: [UInt8]
    private let entries: [String: Entry]

    /// Opens an archive after checking its structure and its declared sizes against `limits`.
    public init(_ data: Data, limits: ZipLimits = ZipLimits()) throws(ZipError) {
        let bytes = [UInt8](data)
        var paths: [String] = []
        var entries: [String: Entry] = [:]
        var total = 0
        try Self.readDirectory(bytes, limits: limits) { path, entry throws(ZipError) in
            // Entries that share compressed bytes (an overlapping-entry bomb) each count in full.
            total += entry.uncompressedSize
            guard total <= limits.totalSize else {
                throw ZipError(
                    .limitExceeded,
                    "the archive's entries unpack to more than \(Self.size(limits.totalSize)) in all, the limit on "
                        + "the total size (a zip bomb?)")
            }
            guard entries[path] == nil else { return }
            entries[path] = entry
            paths.append(path)
        }
        self.bytes = bytes
        self.paths = paths
        self.entries = entries
    }

    /// Whether the archive has an entry at `path`.
    public func contains(_ path: String) -> Bool { entries[path] != nil }

    /// The entry's bytes, inflated and checked against its CRC-32.
    public func bytes(of path: String) throws(ZipError) -> [UInt8] {
        guard let entry = entries[path] else { throw ZipError(.malformed, entry: path, "the archive has no \(path)") }
        let compressed = bytes[entry.dataStart..<(entry.dataStart + entry.compressedSize)]
        if entry.method == 0 {
            guard Data(compressed).crc32(checksum: 0) == entry.checksum else { throw Self.checksumMismatch(path) }
            return Array(compressed)
        }
        var output: [UInt8] = []
        // The declared size was checked against the limits; reserve no more than a large document needs anyway.
        output.reserveCapacity(min(entry.uncompressedSize, 16 << 20))
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
                    // The limits were checked on the declared size; more than that is a lie, not a bigger file.
                    if output.count > entry.uncompressedSize { throw SizeExceeded() }
                })
            guard checksum == entry.checksum, output.count == entry.uncompressedSize else {
                throw Self.checksumMismatch(path)
            }
        } catch let error as ZipError {
            throw error
        } catch is SizeExceeded {
            throw ZipError(
                .damagedEntry, entry: path,
                "\(path) unpacks to more than the \(Self.size(entry.uncompressedSize)) its directory entry declares")
        } catch {
            throw ZipError(
                .damagedEntry, entry: path, "\(path) cannot be unpacked (its compressed data is damaged or truncated)")
        }
        return output
    }

    /// The entry's bytes as `Data`.
    public func data(of path: String) throws(ZipError) -> Data { Data(try bytes(of: path)) }

    private struct Truncated: Error {}
    private struct SizeExceeded: Error {}

    private static func checksumMismatch(_ path: String) -> ZipError {
        ZipError(.damagedEntry, entry: path, "\(path) is damaged (checksum mismatch)")
    }

    /// A size as the limit messages give it.
    private static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MB" : bytes >= 1 << 10 ? "\(bytes >> 10) KB" : "\(bytes) bytes"
    }

    // MARK: - Directory

    /// Calls `found` for each entry of the central directory, after checking it; throws at the first fault.
    private static func readDirectory(
        _ bytes: [UInt8], limits: ZipLimits, found: (String, Entry) throws(ZipError) -> Void
    ) throws(ZipError) {
        let count = bytes.count
        func uint16(_ at: Int) -> Int? {
            guard at >= 0, at + 2 <= count else { return nil }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8
        }
        func uint32(_ at: Int) -> Int? {
            guard at >= 0, at + 4 <= count else { return nil }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
        }
        func malformed(_ message: String) -> ZipError { ZipError(.malformed, message) }
        guard count >= 22 else { throw malformed("the file is too short to be a zip archive") }
        // The end-of-directory record is the last 22 bytes, unless an archive comment (at most 64 KB) follows it.
        var end = count - 22
        let earliest = max(0, count - 22 - 0xFFFF)
        while end >= earliest && uint32(end) != 0x0605_4B50 { end -= 1 }
        guard end >= earliest else { throw malformed("the zip archive has no directory (the file may be truncated)") }
        guard let entryCount = uint16(end + 10), let directoryStart = uint32(end + 16) else {
            throw malformed("the zip archive's directory is damaged")
        }
        if entryCount == 0xFFFF || directoryStart == 0xFFFF_FFFF || (end >= 20 && uint32(end - 20) == 0x0706_4B50) {
            throw ZipError(.unsupported, "ZIP64 archives are not supported")
        }
        guard entryCount <= limits.entryCount else {
            throw ZipError(
                .limitExceeded,
                "the archive has \(entryCount) entries, more than the limit of \(limits.entryCount) entries")
        }
        var position = directoryStart
        for _ in 0..<entryCount {
            guard uint32(position) == 0x0201_4B50, position + 46 <= count,
                let flags = uint16(position + 8), let method = uint16(position + 10),
                let checksum = uint32(position + 16), let compressed = uint32(position + 20),
                let uncompressed = uint32(position + 24), let nameLength = uint16(position + 28),
                let extraLength = uint16(position + 30), let commentLength = uint16(position + 32),
                let local = uint32(position + 42), position + 46 + nameLength <= count
            else { throw malformed("the zip archive's directory is damaged (the file may be truncated)") }
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
                throw ZipError(.unsupported, "ZIP64 archives are not supported")
            }
            if flags & 0x1 != 0 { throw ZipError(.encrypted, "the archive is encrypted") }
            guard method == 0 || method == 8 else {
                throw ZipError(.unsupported, "an entry uses an unsupported compression method (\(method))")
            }
            guard uint32(local) == 0x0403_4B50, let localName = uint16(local + 26),
                let localExtra = uint16(local + 28)
            else { throw malformed("an entry of the zip archive is damaged") }
            let dataStart = local + 30 + localName + localExtra
            guard dataStart + compressed <= count, method != 0 || compressed == uncompressed else {
                throw malformed("an entry runs past the end of the file (it may be truncated)")
            }
            let path = String(decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
            guard uncompressed <= limits.entrySize else {
                throw ZipError(
                    .limitExceeded, entry: path,
                    "\(path) unpacks to \(size(uncompressed)), more than the limit of \(size(limits.entrySize)) "
                        + "per entry")
            }
            if uncompressed > limits.ratioExemptSize && uncompressed / max(compressed, 1) > limits.compressionRatio {
                throw ZipError(
                    .limitExceeded, entry: path,
                    "\(path) is compressed \(uncompressed / max(compressed, 1)) to 1, more than the limit of "
                        + "\(limits.compressionRatio) to 1 on the compression ratio (a zip bomb?)")
            }
            try found(
                path,
                Entry(
                    method: method, checksum: UInt32(checksum), compressedSize: compressed,
                    uncompressedSize: uncompressed, dataStart: dataStart))
            position += 46 + nameLength + extraLength + commentLength
        }
    }
}
