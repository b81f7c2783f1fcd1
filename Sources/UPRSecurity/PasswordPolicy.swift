import Foundation

/// What a chosen password must not be, after NIST SP 800-63B: long enough, not common, not the person's own
/// email or name, not a run of one pattern. No rules about mixing character kinds and no expiry: those make
/// people pick predictable passwords, and any character (spaces, Cyrillic, emoji) is allowed.
public struct PasswordPolicy: Sendable, Hashable {
    /// The fewest characters (Unicode code points after NFC normalisation) a password may have.
    public let minLength: Int
    /// The most characters a password may have; the password hasher must use all of them (bcrypt reads only the
    /// first 72 UTF-8 bytes, so with bcrypt pre-hash or lower this).
    public let maxLength: Int

    /// Name pieces shorter than this are not looked for inside the password, so that "Bat" or "Ann" does not
    /// rule out every password that happens to contain those letters.
    static let shortestNamePiece = 4

    /// A policy; the defaults are 10 and 200 characters.
    public init(minLength: Int = 10, maxLength: Int = 200) {
        precondition(minLength >= 1 && maxLength >= minLength, "Length limits must satisfy 1 <= min <= max")
        self.minLength = minLength
        self.maxLength = maxLength
    }

    /// Every problem with `password` for the person with this email and name, in a fixed order; empty when it is
    /// acceptable.
    public func problems(_ password: String, email: String?, name: String?) -> [PasswordProblem] {
        var found: [PasswordProblem] = []
        // NFC so that "ö" typed as one code point or as "o" plus a combining mark counts the same.
        let length = password.precomposedStringWithCanonicalMapping.unicodeScalars.count
        if length < minLength { found.append(.tooShort(min: minLength)) }
        if length > maxLength { found.append(.tooLong(max: maxLength)) }
        let lowered = password.lowercased()
        if Self.isCommon(lowered) { found.append(.commonPassword) }
        if Self.containsEmailOrName(lowered, email: email, name: name) { found.append(.containsEmailOrName) }
        if Self.isRepetitiveOrSequential(lowered) { found.append(.repetitiveOrSequential) }
        return found
    }

    /// True when `password` has no problems.
    public func accepts(_ password: String, email: String?, name: String?) -> Bool {
        problems(password, email: email, name: name).isEmpty
    }

    /// Looks up the password as typed, without spaces, without surrounding symbols, without surrounding digits
    /// and symbols, and with look-alikes undone and separators dropped; then whether it is a listed password of
    /// six or more characters with at most `decorationLength` characters added before or after. People make
    /// "Summer2024!" from "summer", "p@ss-w0rd" from "password" and "1234567890a" from "1234567890", and guessing
    /// tools try exactly those variants first.
    static func isCommon(_ lowered: String) -> Bool {
        let compact = Array(lowered.unicodeScalars.filter { !$0.properties.isWhitespace })
        let withoutSymbols = trimmed(compact) { !isLetterOrDigit($0) }
        let core = trimmed(compact) { !isLetter($0) }
        let plain = core.compactMap { scalar -> Unicode.Scalar? in
            if let letter = lookAlikes[scalar] { return letter }
            return isLetter(scalar) ? scalar : nil
        }
        let forms = [Array(lowered.unicodeScalars), compact, withoutSymbols, core, plain].map(string)
        if forms.contains(where: { !$0.isEmpty && CommonPasswords.all.contains($0) }) { return true }
        let decorated = [forms[1], forms[4]]
        return CommonPasswords.all.contains { entry in
            entry.unicodeScalars.count >= 6
                && decorated.contains { form in
                    let extra = form.unicodeScalars.count - entry.unicodeScalars.count
                    return extra > 0 && extra <= decorationLength && (form.hasPrefix(entry) || form.hasSuffix(entry))
                }
        }
    }

    /// The most characters added to a listed password that still count as the listed password.
    static let decorationLength = 3

    private static func trimmed(
        _ scalars: [Unicode.Scalar], while shouldTrim: (Unicode.Scalar) -> Bool
    ) -> [Unicode.Scalar] {
        guard let first = scalars.firstIndex(where: { !shouldTrim($0) }),
            let last = scalars.lastIndex(where: { !shouldTrim($0) })
        else { return [] }
        return Array(scalars[first...last])
    }

    private static func string(_ scalars: [Unicode.Scalar]) -> String {
        String(String.UnicodeScalarView(scalars))
    }

    private static let lookAlikes: [Unicode.Scalar: Unicode.Scalar] = [
        "@": "a", "4": "a", "8": "b", "3": "e", "1": "i", "!": "i", "0": "o", "$": "s", "5": "s", "7": "t", "+": "t",
    ]

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic
    }

    /// True when the password contains the whole email, or any piece of at least `shortestNamePiece` characters
    /// of its local part or of the name, or the name with its spaces and hyphens removed.
    static func containsEmailOrName(_ lowered: String, email: String?, name: String?) -> Bool {
        // The password is also compared without separators, so "bat erdene" and "bat-erdene" find "baterdene".
        let compact = String(lowered.unicodeScalars.filter(isLetterOrDigit).map(Character.init))
        var pieces: [String] = []
        if let email = email?.lowercased().trimmingCharacters(in: .whitespaces), !email.isEmpty {
            pieces.append(email)
            let local = email.split(separator: "@", omittingEmptySubsequences: false).dropLast().joined(separator: "@")
            pieces += words(local.isEmpty ? email : local)
        }
        if let name = name?.lowercased() {
            pieces += words(name)
        }
        return pieces.contains { piece in
            piece.unicodeScalars.count >= shortestNamePiece && (lowered.contains(piece) || compact.contains(piece))
        }
    }

    /// The letter-and-digit runs of `text`, and all of them joined when there are several.
    private static func words(_ text: String) -> [String] {
        var runs: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if isLetterOrDigit(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                runs.append(current)
                current = ""
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs.count > 1 ? runs + [runs.joined()] : runs
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// True when the password, spaces ignored, is one group of up to four characters repeated ("aaaaaaaaaa",
    /// "abcabcabca", "passpasspass") or a run of consecutive code points either way ("1234567890", "zyxwvu").
    static func isRepetitiveOrSequential(_ lowered: String) -> Bool {
        let scalars = lowered.unicodeScalars.filter { !$0.properties.isWhitespace }.map(\.value)
        guard scalars.count >= 3 else { return false }
        for groupLength in 1...4 where scalars.count >= groupLength * 2 {
            if scalars.indices.allSatisfy({ scalars[$0] == scalars[$0 % groupLength] }) { return true }
        }
        let step = Int64(scalars[1]) - Int64(scalars[0])
        guard step == 1 || step == -1 else { return false }
        return zip(scalars, scalars.dropFirst()).allSatisfy { Int64($1) - Int64($0) == step }
    }
}
