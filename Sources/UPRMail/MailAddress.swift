/// A mailbox: an address with an optional display name, as in `UPR Tracker <upr@example.org>`.
///
/// Only plain ASCII addresses are accepted (no SMTPUTF8), and nothing that could break out of a header or an SMTP
/// command: no line breaks, angle brackets, spaces or control characters.
public struct MailAddress: Sendable, Equatable, CustomStringConvertible {
    public var address: String
    public var name: String

    /// An address without checking it; `parse` is the checked way in.
    public init(address: String, name: String = "") {
        self.address = address
        self.name = name
    }

    /// Reads `person@example.org` or `Display Name <person@example.org>`; nil when it is not a usable address.
    public static func parse(_ text: String) -> MailAddress? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            var name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
                name = String(name.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
            }
            guard isValid(address: address), !name.contains(where: \.isNewline) else { return nil }
            return MailAddress(address: address, name: name)
        }
        return isValid(address: trimmed) ? MailAddress(address: trimmed) : nil
    }

    /// True for `local@domain` in printable ASCII without spaces, brackets or line breaks, at most 254 characters.
    public static func isValid(address: String) -> Bool {
        let bytes = Array(address.utf8)
        guard (3...254).contains(bytes.count),
            bytes.allSatisfy({ $0 > 32 && $0 < 127 && !"<>()[],;:\\\"".utf8.contains($0) })
        else { return false }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].utf8.count <= 64 else { return false }
        let domain = parts[1]
        return !domain.isEmpty && !domain.hasPrefix(".") && !domain.hasSuffix(".") && !domain.contains("..")
    }

    /// The part after the `@`, for Message-ID.
    public var domain: String { String(address.split(separator: "@").last ?? "localhost") }

    /// The header form: the address alone, or the name (quoted, or RFC 2047-encoded when not ASCII) and the address.
    public var headerValue: String {
        guard !name.isEmpty else { return address }
        return HeaderEncoding.phrase(name) + " <" + address + ">"
    }

    public var description: String { headerValue }
}
