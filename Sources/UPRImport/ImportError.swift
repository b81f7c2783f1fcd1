/// Why a file could not be imported, with where in the file it went wrong.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's name as the user gave it.
    public var file: String
    /// 1-based row: the CSV or XLSX row (the header is row 1) or the table row of a Word list.
    public var row: Int?
    /// 1-based record of a JSON export: the element of its top-level array.
    public var record: Int?
    /// The recommendation's paragraph number (`115.3`) in a thematic list.
    public var paragraph: String?
    /// The column, by the name the file's header gives it, or the field (member name) of a JSON record.
    public var column: String?
    /// What is wrong, for a person to read.
    public var message: String

    /// Creates an error; only `file` and `message` are always known.
    public init(
        file: String, row: Int? = nil, record: Int? = nil, paragraph: String? = nil, column: String? = nil,
        message: String
    ) {
        self.file = file
        self.row = row
        self.record = record
        self.paragraph = paragraph
        self.column = column
        self.message = message
    }

    /// `1-5.csv, row 12, column Response: unknown response “Maybe”; expected Accepted, Noted or Supported`, or
    /// `uhri.json, record 7, field AnnotationId: …`.
    public var description: String {
        var place = file
        if let row { place += ", row \(row)" }
        if let record { place += ", record \(record)" }
        if let paragraph { place += ", paragraph \(paragraph)" }
        if let column { place += record == nil ? ", column \(column)" : ", field \(column)" }
        return place + ": " + message
    }
}
