/// Why a part of a Word document is not readable XML.
public struct DocxXMLError: Error, Sendable, Equatable {
    /// What the XML parser reported.
    public var message: String
    /// 1-based line of the XML where parsing stopped, when known.
    public var line: Int?

    /// Creates an error.
    public init(message: String, line: Int? = nil) {
        self.message = message
        self.line = line
    }
}
