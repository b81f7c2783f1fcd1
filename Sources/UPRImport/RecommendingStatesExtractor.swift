/// Finds the recommending states in a recommendation as the Working Group report prints it.
///
/// The states close each recommendation in parentheses: `… (Portugal, Slovakia);`, `… (France) (Lithuania);`,
/// `… (Chile); (Estonia);`, and one paragraph may hold several recommendations each with its own state
/// (`… (Ukraine); Increase efforts … (Slovakia);`). So the text is cut at top-level semicolons and, from the end of
/// each part, parenthesised groups are taken while they look like state names. Parentheses are matched by depth,
/// because names such as `Bolivia (Plurinational State of)` hold parentheses themselves; groups such as `(ICPPED)`,
/// `(No. 29)` or `(Istanbul Convention)` are not names of states and end the search.
public enum RecommendingStatesExtractor {
    /// Words that occur in the names of treaties and bodies but in no state's name.
    private static let nonStateWords: Set<String> = [
        "Convention", "Protocol", "Covenant", "Act", "Law", "Code", "Committee", "Council", "Commission", "Statute",
        "Agenda", "Plan", "Strategy", "Programme", "Program", "Declaration", "Rights", "Organization", "Office",
        "Court", "Principles", "Guidelines", "Rules", "Goals", "Mechanism", "Treaty", "Charter", "Article",
        "Resolution", "Recommendation", "Recommendations", "Policy", "Fund", "Agency",
    ]

    /// The states in order of appearance, without duplicates, as the text spells them.
    public static func states(in text: String) -> [String] {
        var result: [String] = []
        for segment in topLevelSplit(Array(text), on: ";") {
            for name in trailingStateGroups(segment) where !result.contains(name) {
                result.append(name)
            }
        }
        return result
    }

    /// Whether a parenthesised name can be a state: capitalised (or `the former Yugoslav Republic of Macedonia`),
    /// with lowercase letters (acronyms are treaties), no digits, and no treaty words.
    public static func isStateName(_ name: String) -> Bool {
        guard let first = name.first, first.isUppercase || name.hasPrefix("the ") else { return false }
        guard !name.contains(where: \.isNumber), name.contains(where: \.isLowercase),
            name.contains(where: \.isUppercase)
        else { return false }
        let words = name.split(whereSeparator: { !$0.isLetter })
        return !words.contains { nonStateWords.contains(String($0)) }
    }

    private static func trailingStateGroups(_ segment: [Character]) -> [String] {
        var chars = trimmingEnd(segment)
        var groups: [[String]] = []
        while chars.last == ")" {
            var depth = 0
            var open: Int?
            for index in stride(from: chars.count - 1, through: 0, by: -1) {
                if chars[index] == ")" {
                    depth += 1
                } else if chars[index] == "(" {
                    depth -= 1
                    if depth == 0 {
                        open = index
                        break
                    }
                }
            }
            guard let open else { break }
            let content = Array(chars[(open + 1)..<(chars.count - 1)])
            let names = topLevelSplit(content, on: ",").map { String($0).trimmingSpaces() }
            guard !names.isEmpty, names.allSatisfy(isStateName) else { break }
            groups.insert(names, at: 0)
            chars = trimmingEnd(Array(chars[..<open]))
        }
        return groups.flatMap { $0 }
    }

    /// Splits at `separator` where it is not inside parentheses.
    private static func topLevelSplit(_ chars: [Character], on separator: Character) -> [[Character]] {
        var parts: [[Character]] = []
        var current: [Character] = []
        var depth = 0
        for char in chars {
            if char == "(" {
                depth += 1
            } else if char == ")" {
                depth = max(0, depth - 1)
            }
            if char == separator && depth == 0 {
                parts.append(current)
                current = []
            } else {
                current.append(char)
            }
        }
        parts.append(current)
        return parts
    }

    /// Drops trailing white space and the full stop that ends the last recommendation of a paragraph.
    private static func trimmingEnd(_ chars: [Character]) -> [Character] {
        var end = chars.count
        while end > 0, chars[end - 1].isWhitespace || chars[end - 1] == "." { end -= 1 }
        return Array(chars[..<end])
    }
}
