/// Why a file could not be imported, with where in the file it went wrong.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's name as the user gave it.
    public var file: String
    /// 1-based row: the CSV record (the header is row 1) or the table row of a Word list.
    public var row: Int?
    /// The recommendation's paragraph number (`115.3`) in a thematic list.
    public var paragraph: String?
    /// The column, by the name the file's header gives it.
    public var column: String?
    /// What is wrong, for a person to read.
    public var message: String

    /// Creates an error; only `file` and `message` are always known.
    public init(file: String, row: Int? = nil, paragraph: String? = nil, column: String? = nil, message: String) {
        self.file = file
        self.row = row
        self.paragraph = paragraph
        self.column = column
        self.message = message
    }

    /// `1-5.csv, row 12, column Response: unknown response “Maybe”; expected Accepted, Noted or Supported`.
    public var description: String {
        var place = file
        if let row { place += ", row \(row)" }
        if let paragraph { place += ", paragraph \(paragraph)" }
        if let column { place += ", column \(column)" }
        return place + ": " + message
    }
}
