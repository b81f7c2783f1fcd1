/// The character encoding a text file was read in.
public enum SourceEncoding: String, Sendable, CaseIterable, Hashable {
    /// UTF-8, with or without a byte-order mark; plain ASCII counts as UTF-8.
    case utf8 = "UTF-8"
    /// UTF-16 with a byte-order mark, either byte order.
    case utf16 = "UTF-16"
    /// Classic Mac OS Roman, as the UPR Info database wrote its exports.
    case macRoman = "Mac Roman"
    /// Windows code page 1252 (Western European).
    case windows1252 = "Windows-1252"
}
