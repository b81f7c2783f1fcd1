/// How much a zip archive may unpack to before `ZipReader` refuses it.
///
/// The limits are checked against the sizes the archive's directory declares, before anything is inflated, and
/// inflation stops at the declared size: a zip bomb (a small file that unpacks to gigabytes, or thousands of entries
/// sharing the same compressed bytes) is refused at once instead of after filling memory.
public struct ZipLimits: Sendable, Equatable {
    /// The most entries an archive may list; an Office file has a few dozen.
    public var entryCount: Int
    /// The most bytes one entry may unpack to.
    public var entrySize: Int
    /// The most bytes all entries together may unpack to.
    public var totalSize: Int
    /// The highest ratio of unpacked to packed size for an entry larger than `ratioExemptSize`; Office XML packs
    /// 5-20 to 1, a run of zeros packed to a bomb about 1,000 to 1.
    public var compressionRatio: Int
    /// Entries up to this size are not held to `compressionRatio`: a small file of repeated text may pack very well
    /// and cannot hurt.
    public var ratioExemptSize: Int

    /// Limits that fit any document the application reads: a 5,000-row sheet is about 10 MB of XML.
    public init(
        entryCount: Int = 10_000, entrySize: Int = 256 << 20, totalSize: Int = 512 << 20, compressionRatio: Int = 200,
        ratioExemptSize: Int = 1 << 20
    ) {
        self.entryCount = entryCount
        self.entrySize = entrySize
        self.totalSize = totalSize
        self.compressionRatio = compressionRatio
        self.ratioExemptSize = ratioExemptSize
    }
}
