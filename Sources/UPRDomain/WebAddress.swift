import Foundation

/// The one rule for a link a person types (a measurement's evidence link, an assessment's evidence URL): an absolute
/// `http` or `https` address with a host, something a reader can open and that cannot run script in the page.
///
/// It lives in the domain, not in `UPRFileFormats`, because the domain's own input rules (`MeasurementInput`) apply
/// it and the domain depends on nothing.
public enum WebAddress {
    /// Longer than this is not an address someone typed or pasted from a report.
    public static let maximumLength = 2_000

    /// Whether `text` is an `http` or `https` address with a host, at most `maximumLength` characters, without
    /// white space or the characters that would end an HTML attribute (`"`, `<`, `>`): no `javascript:`, `file:` or
    /// `data:` links, no relative paths.
    public static func isValid(_ text: String) -> Bool {
        guard text.count <= maximumLength,
            !text.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }),
            let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty,
            text.lowercased().hasPrefix(scheme + "://")
        else { return false }
        return true
    }
}
