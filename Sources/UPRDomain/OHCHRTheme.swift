import Foundation

/// OHCHR's Universal Human Rights Index themes, as the thematic lists print them: coded (`D29 Domestic violence`),
/// numbered (`29.1. Discrimination against women`) or plain (`Acceptance of international norms`).
public struct OHCHRTheme: Sendable, Hashable, Codable {
    /// The code when the list gives one (`D29`), else nil.
    public var code: String?
    /// The theme's name without code or number.
    public var name: String

    public init(code: String?, name: String) {
        self.code = code
        self.name = name
    }

    /// Splits a heading such as `A12 Acceptance of international norms` or `2.1. Acceptance of international norms`.
    public init(heading raw: String) {
        var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("- ") { text.removeFirst(2) }
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        if parts.count == 2, let first = parts.first, Self.looksLikeCode(first) {
            let trimmed = first.hasSuffix(".") ? String(first.dropLast()) : first
            self.init(code: trimmed, name: parts[1].trimmingCharacters(in: .whitespaces))
        } else {
            self.init(code: nil, name: text)
        }
    }

    private static func looksLikeCode(_ token: String) -> Bool {
        guard let first = token.first else { return false }
        let rest = token.dropFirst()
        if first.isUppercase, first.isLetter, !rest.isEmpty, rest.allSatisfy({ $0.isNumber }) { return true }
        return first.isNumber && token.allSatisfy { $0.isNumber || $0 == "." }
    }

    /// The seed cluster whose working group follows this theme, or nil for framework themes.
    public var cluster: Cluster? {
        if let code, let letter = code.first, letter.isLetter {
            switch letter {
            case "A": return Self.clusterByKeyword(name)
            case "B": return Self.clusterByKeyword(name) ?? .vulnerableGroups
            case "D": return Self.clusterByKeyword(name) ?? .justice
            case "E": return .escRights
            case "F":
                if code.hasPrefix("F1") { return .women }
                if code.hasPrefix("F3") { return .children }
                return .vulnerableGroups
            case "G": return .vulnerableGroups
            case "H":
                if code.hasPrefix("H1") { return .justice }
                if code.hasPrefix("H3") { return .escRights }
                return .vulnerableGroups
            default: return Self.clusterByKeyword(name)
            }
        }
        return Self.clusterByKeyword(name)
    }

    /// Keyword rules for lists that print names without codes; the order matters (women and children first).
    static func clusterByKeyword(_ name: String) -> Cluster? {
        let n = name.lowercased()
        let rules: [(Cluster, [String])] = [
            (.women, ["women", "gender", "girl", "domestic violence"]),
            (.children, ["child", "juvenile", "birth registration"]),
            (
                .vulnerableGroups,
                [
                    "disab", "minorit", "indigenous", "migrant", "refugee", "asylum", "lgbti", "sexual orientation",
                    "racial", "older persons", "internally displaced", "stateless", "roma", "hiv", "discrimination",
                    "trafficking", "slavery",
                ]
            ),
            (
                .escRights,
                [
                    "health", "education", "food", "housing", "water", "work", "labour", "poverty", "social security",
                    "development", "environment", "business", "economic, social", "adequate standard", "land",
                    "culture", "rural",
                ]
            ),
            (
                .justice,
                [
                    "justice", "torture", "detention", "liberty", "expression", "assembly", "association",
                    "death penalty",
                    "disappear", "defenders", "impunity", "police", "judiciary", "fair trial", "religion", "privacy",
                    "election", "participation", "terror", "corruption", "life", "security of the person",
                    "humanitarian", "civil", "law enforcement", "prison", "journalist", "media",
                ]
            ),
        ]
        for (cluster, words) in rules where words.contains(where: { n.contains($0) }) {
            return cluster
        }
        return nil
    }
}
