/// A document as a list of blocks, the shape every generated report takes before it is written as DOCX.
public struct WordDocument: Sendable, Equatable {
    public struct Run: Sendable, Equatable {
        public var text: String
        public var bold: Bool
        public var italic: Bool

        public init(_ text: String, bold: Bool = false, italic: Bool = false) {
            self.text = text
            self.bold = bold
            self.italic = italic
        }
    }

    public struct Table: Sendable, Equatable {
        public var header: [String]
        public var rows: [[String]]
        /// Relative column widths; equal when empty.
        public var widths: [Int]

        public init(header: [String], rows: [[String]], widths: [Int] = []) {
            self.header = header
            self.rows = rows
            self.widths = widths
        }
    }

    public enum Block: Sendable, Equatable {
        case title(String)
        /// Level 1 to 3.
        case heading(Int, String)
        case paragraph([Run])
        /// An indented quotation, for a recommendation's text.
        case quote(String)
        case table(Table)
        /// A native chart; put its numbers in a table after it, for readers who cannot see it.
        case chart(WordChart)
        case pageBreak
    }

    public var title: String
    public var language: String
    public var blocks: [Block]

    public init(title: String, language: String, blocks: [Block] = []) {
        self.title = title
        self.language = language
        self.blocks = blocks
    }

    public mutating func paragraph(_ text: String) { blocks.append(.paragraph([Run(text)])) }

    /// A "Label: value" line with the label in bold.
    public mutating func field(_ label: String, _ value: String) {
        blocks.append(.paragraph([Run(label + ": ", bold: true), Run(value)]))
    }
}
