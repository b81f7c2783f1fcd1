import Foundation

/// Normalisation that decides when two rows are the same recommendation.
public enum TextKey {
    /// Trims and collapses every run of white space to one space, so that rows differing only in spacing match.
    public static func normalize(_ text: String) -> String {
        // Most texts are ASCII: fold them byte by byte; only other texts pay for Unicode white-space lookups.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            var pendingSpace = false
            for byte in text.utf8 {
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    pendingSpace = !bytes.isEmpty
                } else {
                    if pendingSpace { bytes.append(0x20) }
                    pendingSpace = false
                    bytes.append(byte)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if CharacterSet.whitespacesAndNewlines.contains(scalar) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The natural key of a recommendation within one review: its paragraph when there is one, else its text.
    public static func naturalKey(paragraph: String?, text: String) -> String {
        if let paragraph, !paragraph.isEmpty { return "para:" + paragraph }
        return "text:" + normalize(text)
    }

    /// The text as two sources of the same paragraph write it alike: white space collapsed, typographic quotes,
    /// apostrophes and dashes written plainly (OHCHR prints `children’s`, UPR Info `children's`), no-break spaces
    /// as spaces, lower case, and no full stop or semicolon at the end. Used to find one recommendation in two
    /// sources, never to tell two recommendations of one source apart.
    public static func looseForm(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in normalize(text).unicodeScalars {
            switch scalar.value {
            case 0x2018, 0x2019, 0x201B, 0x2032, 0x00B4: out.append("'")
            case 0x201C, 0x201D, 0x201E, 0x2033: out.append("\"")
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212: out.append("-")
            case 0x00A0, 0x202F: out.append(" ")
            default: out.unicodeScalars.append(scalar)
            }
        }
        var folded = out.lowercased()
        while let last = folded.last, last == "." || last == ";" || last == " " { folded.removeLast() }
        return folded
    }
}
