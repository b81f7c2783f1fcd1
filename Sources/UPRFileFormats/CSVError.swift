/// A CSV syntax problem: where it was found and what is wrong.
public struct CSVError: Error, Sendable, Equatable {
    /// 1-based record number (a header counts as record 1).
    public var record: Int
    /// 1-based physical line the offending field starts on.
    public var line: Int
    /// 0-based index of the field within its record.
    public var field: Int
    /// What is wrong, for a person to read.
    public var message: String

    /// Creates an error.
    public init(record: Int, line: Int, field: Int, message: String) {
        self.record = record
        self.line = line
        self.field = field
        self.message = message
    }
}
