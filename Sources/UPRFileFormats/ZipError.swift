/// Why a zip archive, or one of its entries, could not be read.
public struct ZipError: Error, Sendable, Equatable {
    /// The kind of fault, for callers that word some of them for their own users.
    public enum Reason: Sendable, Equatable {
        /// The archive's structure is damaged or truncated, or it is not a zip archive.
        case malformed
        /// An entry is encrypted.
        case encrypted
        /// A feature this reader does not read (ZIP64, a compression method other than stored or deflate).
        case unsupported
        /// One of the `ZipLimits` is exceeded; the message names it.
        case limitExceeded
        /// An entry's data cannot be unpacked or fails its checksum.
        case damagedEntry
    }

    /// The kind of fault.
    public var reason: Reason
    /// The entry concerned, if the fault is in one.
    public var entry: String?
    /// What is wrong, for a person to read.
    public var message: String

    /// Creates an error.
    public init(_ reason: Reason, entry: String? = nil, _ message: String) {
        self.reason = reason
        self.entry = entry
        self.message = message
    }
}
