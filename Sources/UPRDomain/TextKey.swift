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
}
