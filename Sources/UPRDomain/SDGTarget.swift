/// One of the 169 targets of the Sustainable Development Goals, such as `16.3` or `16.a`.
public struct SDGTarget: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The goal the target belongs to (1-17).
    public let goal: Int
    /// The target's code as the UN prints it: `16.3`, `16.10`, `16.a`.
    public let code: String

    /// A target by its code; nil unless the code is one of the 169.
    public init?(code raw: String) {
        let code = raw.lowercased()
        guard let dot = code.firstIndex(of: "."), let goal = Int(code[..<dot]),
            SDG.targets(ofGoal: goal).contains(code)
        else { return nil }
        self.goal = goal
        self.code = code
    }

    /// Reads a target as UHRI prints it, `16.3 - Promote the rule of law …` (a leading `- ` and `Target` allowed);
    /// nil when the text starts with no target code, such as a goal alone (`16 - Peace, justice …`).
    public init?(parsing raw: String) {
        var text = Substring(raw).drop { $0 == " " || $0 == "-" }
        if text.lowercased().hasPrefix("target") { text = text.dropFirst(6).drop { $0 == " " || $0 == ":" } }
        let token = text.prefix { $0.isNumber || $0 == "." || $0.isLetter }
        // "16.3." at the end of a sentence, or "16.3:" before the title.
        let trimmed = token.hasSuffix(".") ? token.dropLast() : token
        self.init(code: String(trimmed))
    }

    public var description: String { code }

    /// Official order: by goal, numbered targets before lettered ones (`16.2` < `16.10` < `16.a`).
    public static func < (a: SDGTarget, b: SDGTarget) -> Bool {
        guard a.goal == b.goal else { return a.goal < b.goal }
        let order = SDG.targets(ofGoal: a.goal)
        return (order.firstIndex(of: a.code) ?? 0) < (order.firstIndex(of: b.code) ?? 0)
    }
}
