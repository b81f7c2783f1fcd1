import Foundation

/// Normalisation that decides when two rows are the same recommendation.
public enum TextKey {
    /// Trims and collapses every run of white space to one space, so that rows differing only in spacing match.
    public static func normalize(_ text: String) -> String {
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
