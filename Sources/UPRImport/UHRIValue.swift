/// How a UHRI export writes one value: every value may carry a leading `- ` (OHCHR's list marker, left in even for
/// single values), and a list cell of the XLSX holds one value per line.
enum UHRIValue {
    /// The value without surrounding white space and without its `- ` marker.
    static func clean(_ raw: String) -> String {
        var text = raw.trimmedWhitespace()
        if text == "-" { return "" }
        if text.hasPrefix("- ") || text.hasPrefix("-\t") || text.hasPrefix("-\u{A0}") {
            text = String(text.dropFirst(2)).trimmedWhitespace()
        }
        return text
    }

    /// The values of a list cell: one per line (LF, CRLF or CR), each cleaned, empty lines dropped.
    static func list(_ cell: String) -> [String] {
        cell.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            .map { clean(String($0)) }
            .filter { !$0.isEmpty }
    }
}
