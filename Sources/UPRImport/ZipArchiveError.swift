/// Why a zip archive could not be read.
public struct ZipArchiveError: Error, Sendable, Equatable {
    /// What is wrong, for a person to read.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }
}
