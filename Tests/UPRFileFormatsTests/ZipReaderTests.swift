import Foundation
import Testing
import UPRFileFormats
import UPRTestSupport
import ZIPFoundation

@Suite("Bounded zip reader")
struct ZipReaderTests {
    @Test("stored and deflated entries come back as written, in directory order")
    func roundTrip() throws {
        let text = Data(String(repeating: "Ensure access to justice. ", count: 2_000).utf8)
        let stored = try ZipReader(StoredZip.archive([("a.txt", Data("first".utf8)), ("b/c.xml", text)]))
        #expect(stored.paths == ["a.txt", "b/c.xml"])
        #expect(try stored.data(of: "b/c.xml") == text)
        let deflated = try ZipReader(deflatedArchive([("word/document.xml", text)]))
        #expect(deflated.contains("word/document.xml"))
        #expect(try deflated.data(of: "word/document.xml") == text)
    }

    @Test("a zip bomb by compression ratio is refused before inflating, naming the limit")
    func ratioBomb() throws {
        // 16 MB of zeros deflate to about 16 KB: 1,000 to 1, under the size limits but not the ratio's.
        let bomb = deflatedArchive([("word/document.xml", Data(count: 16 << 20))])
        let error = try refusal(bomb)
        #expect(error.reason == .limitExceeded)
        #expect(error.entry == "word/document.xml")
        #expect(error.message.contains("more than the limit of 200 to 1 on the compression ratio"), "\(error.message)")
    }

    @Test("a tiny archive whose entry claims gigabytes is refused at once, naming the limit")
    func gigabyteEntry() throws {
        var bomb = StoredZip.archive([("xl/worksheets/sheet1.xml", Data("<worksheet/>".utf8))])
        patchMethodToDeflate(&bomb)
        patch(&bomb, centralField: 24, to: 0xFFFF_FFF0)  // uncompressed size: 4 GB
        let error = try refusal(bomb)
        #expect(error.reason == .limitExceeded)
        #expect(error.message == "xl/worksheets/sheet1.xml unpacks to 4095 MB, more than the limit of 256 MB per entry")
    }

    @Test("entries that together exceed the total size are refused, even when they share their bytes")
    func totalSize() throws {
        let part = Data(repeating: 0x41, count: 400 << 10)
        let three = StoredZip.archive([("a", part), ("b", part), ("c", part)])
        let error = try refusal(three, limits: ZipLimits(totalSize: 1 << 20))
        #expect(error.reason == .limitExceeded)
        #expect(error.message.contains("more than 1 MB in all, the limit on the total size"), "\(error.message)")
        #expect(try ZipReader(three, limits: ZipLimits(totalSize: 2 << 20)).paths == ["a", "b", "c"])

        // An overlapping-entry bomb: the same entry listed many times over counts each time.
        let overlapping = repeatedDirectory(StoredZip.archive([("x", part)]), times: 3)
        let limits = ZipLimits(totalSize: 1 << 20)
        #expect(try refusal(overlapping, limits: limits).message.contains("the limit on the total size"))
    }

    @Test("too many entries are refused from the end record, before the directory is read")
    func entryCount() throws {
        let many = StoredZip.archive((0..<20).map { ("part\($0).xml", Data("<p/>".utf8)) })
        let error = try refusal(many, limits: ZipLimits(entryCount: 10))
        #expect(error.message == "the archive has 20 entries, more than the limit of 10 entries")
        var forged = StoredZip.archive([("a", Data("a".utf8))])
        forged.replaceSubrange((forged.count - 12)..<(forged.count - 10), with: [0xFE, 0xFF])  // 65,534 entries
        #expect(try refusal(forged).message == "the archive has 65534 entries, more than the limit of 10000 entries")
    }

    @Test("an entry that inflates past the size its directory declares is stopped there")
    func lyingSize() throws {
        var lie = deflatedArchive([("word/document.xml", Data(count: 8 << 20))])
        patch(&lie, centralField: 24, to: 1_000)  // declares 1,000 bytes: under every limit
        let zip = try ZipReader(lie)
        let started = ContinuousClock.now
        #expect(throws: ZipError.self) { try zip.bytes(of: "word/document.xml") }
        #expect(ContinuousClock.now - started < .milliseconds(500))
        do {
            _ = try zip.bytes(of: "word/document.xml")
        } catch {
            #expect(error.reason == .damagedEntry)
            #expect(error.message.contains("more than the 1000 bytes its directory entry declares"))
        }
    }

    @Test("a deflate stream that never ends is refused quickly, not inflated forever")
    func endlessDeflateStream() throws {
        // Non-final empty stored blocks (BFINAL 0, LEN 0, NLEN 0xFFFF): valid deflate that asks for more input
        // after the entry's last byte, where ZIPFoundation's own reader loops on Linux.
        let blocks = Data((0..<20_000).flatMap { _ in [0x00, 0x00, 0x00, 0xFF, 0xFF] as [UInt8] })
        var endless = StoredZip.archive([("word/document.xml", blocks)])
        patchMethodToDeflate(&endless)
        let zip = try ZipReader(endless)
        let started = ContinuousClock.now
        do {
            _ = try zip.bytes(of: "word/document.xml")
            Issue.record("an endless stream was read")
        } catch {
            #expect(error.reason == .damagedEntry)
            #expect(
                error.message == "word/document.xml cannot be unpacked (its compressed data is damaged or truncated)")
        }
        #expect(ContinuousClock.now - started < .milliseconds(500))
    }

    @Test("corrupt deflate data is an error, never a crash or a hang")
    func corruptDeflate() throws {
        var generator = SeededGenerator(seed: 12)
        let started = ContinuousClock.now
        for _ in 0..<50 {
            let noise = Data((0..<4_096).map { _ in UInt8.random(in: 0...255, using: &generator) })
            var archive = StoredZip.archive([("word/document.xml", noise)])
            patchMethodToDeflate(&archive)
            #expect(throws: ZipError.self) { try ZipReader(archive).bytes(of: "word/document.xml") }
        }
        #expect(ContinuousClock.now - started < .seconds(1))
    }

    @Test("a damaged or truncated archive is an error naming what is wrong")
    func damaged() throws {
        let archive = StoredZip.archive([("word/document.xml", Data("<w:document/>".utf8))])
        #expect(try refusal(archive.prefix(10)).message == "the file is too short to be a zip archive")
        #expect(try refusal(archive.prefix(archive.count - 30)).message.contains("no directory"))
        var flipped = [UInt8](archive)
        flipped[50] ^= 0x20  // inside the stored document
        #expect(
            throws: ZipError(
                .damagedEntry, entry: "word/document.xml", "word/document.xml is damaged (checksum mismatch)")
        ) {
            try ZipReader(Data(flipped)).bytes(of: "word/document.xml")
        }
    }

    // MARK: - Helpers

    /// The error opening `data` gives, checked to come in well under a second.
    private func refusal(
        _ data: Data, limits: ZipLimits = ZipLimits(), sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> ZipError {
        let started = ContinuousClock.now
        defer { #expect(ContinuousClock.now - started < .milliseconds(500), sourceLocation: sourceLocation) }
        do throws(ZipError) {
            let zip = try ZipReader(data, limits: limits)
            Issue.record("opened an archive of \(zip.paths.count) entries", sourceLocation: sourceLocation)
        } catch {
            return error
        }
        throw NotRefused()
    }

    private struct NotRefused: Error {}

    /// An archive whose entries are deflated by ZIPFoundation, as Office writes them.
    private func deflatedArchive(_ entries: [(String, Data)]) -> Data {
        let archive = try! Archive(data: Data(), accessMode: .create)
        for (path, data) in entries {
            try! archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<(Int(position) + size)) })
        }
        return archive.data!
    }

    /// The first central directory entry's 32-bit field at `centralField`, set to `value`.
    private func patch(_ data: inout Data, centralField: Int, to value: UInt32) {
        let at = directoryStart(data) + centralField
        data.replaceSubrange(at..<(at + 4), with: withUnsafeBytes(of: value.littleEndian) { Array($0) })
    }

    /// The first entry marked deflated (method 8) in its local header and its directory entry.
    private func patchMethodToDeflate(_ data: inout Data) {
        let directory = directoryStart(data)
        let local = Int(data[directory + 42]) | Int(data[directory + 43]) << 8
        data[local + 8] = 8
        data[directory + 10] = 8
    }

    /// The archive with its one directory entry listed `times` times (all pointing at the same bytes).
    private func repeatedDirectory(_ data: Data, times: Int) -> Data {
        let start = directoryStart(data)
        let entry = data[start..<(data.count - 22)]
        var out = data.prefix(start)
        for _ in 0..<times { out.append(entry) }
        var end = [UInt8](data.suffix(22))
        end[8] = UInt8(times)
        end[10] = UInt8(times)
        let size = UInt32(entry.count * times)
        end.replaceSubrange(12..<16, with: withUnsafeBytes(of: size.littleEndian) { Array($0) })
        out.append(contentsOf: end)
        return out
    }

    private func directoryStart(_ data: Data) -> Int {
        let end = data.count - 22
        return (0..<4).reduce(0) { $0 | Int(data[end + 16 + $1]) << (8 * $1) }
    }
}
