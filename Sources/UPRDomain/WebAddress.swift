import Foundation

/// The one rule for a link a person gives as evidence (an assessment's, a measurement's): an absolute `http` or
/// `https` address with a host, no white space, quotes or angle brackets, at most 2,000 characters. So no
/// `javascript:`, `file:` or `data:` link, and nothing a reader cannot open. (Assessments and measurements each had
/// a rule of their own that differed on quotes and brackets.)
public enum WebAddress {
    public static let maxLength = 2_000

    public static func isValid(_ text: String) -> Bool {
        guard text.count <= maxLength,
            !text.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }),
            let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { return false }
        return true
    }
}
