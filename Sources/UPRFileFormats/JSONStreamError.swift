/// Why `JSONArrayStream` could not read on: where in the input, and what it expected there.
public struct JSONStreamError: Error, Sendable, Equatable {
    /// The 1-based element of the top-level array the fault is in (or after), nil before the array opens.
    public var element: Int?
    /// The member of that element being read (its key), when the element is an object.
    public var key: String?
    /// Bytes from the start of the input to the fault.
    public var offset: Int
    /// What is wrong, for a person to read.
    public var message: String

    /// Creates an error.
    public init(element: Int?, key: String? = nil, offset: Int, message: String) {
        self.element = element
        self.key = key
        self.offset = offset
        self.message = message
    }
}
