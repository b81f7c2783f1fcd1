/// The 17 Sustainable Development Goals and the codes of their 169 targets.
public enum SDG {
    /// Goal number and English title; the Mongolian title comes from the localization layer (`sdg.<n>`).
    public static let goals: [(number: Int, title: String)] = [
        (1, "No poverty"), (2, "Zero hunger"), (3, "Good health and well-being"), (4, "Quality education"),
        (5, "Gender equality"), (6, "Clean water and sanitation"), (7, "Affordable and clean energy"),
        (8, "Decent work and economic growth"), (9, "Industry, innovation and infrastructure"),
        (10, "Reduced inequalities"), (11, "Sustainable cities and communities"),
        (12, "Responsible consumption and production"), (13, "Climate action"), (14, "Life below water"),
        (15, "Life on land"), (16, "Peace, justice and strong institutions"), (17, "Partnerships for the goals"),
    ]

    /// Per goal: how many numbered targets, and how many lettered (means of implementation) targets.
    private static let targetShape: [Int: (numbered: Int, lettered: Int)] = [
        1: (5, 2), 2: (5, 3), 3: (9, 4), 4: (7, 3), 5: (6, 3), 6: (6, 2), 7: (3, 2), 8: (10, 2), 9: (5, 3),
        10: (7, 3), 11: (7, 3), 12: (8, 3), 13: (3, 2), 14: (7, 3), 15: (9, 3), 16: (10, 2), 17: (19, 0),
    ]

    /// Target codes of a goal in official order: `16.1` … `16.10`, `16.a`, `16.b`.
    public static func targets(ofGoal goal: Int) -> [String] {
        guard let shape = targetShape[goal] else { return [] }
        let numbered = (1...shape.numbered).map { "\(goal).\($0)" }
        let lettered = "abcdefghij".prefix(shape.lettered).map { "\(goal).\($0)" }
        return numbered + lettered
    }

    /// All 169 target codes.
    public static var allTargets: [String] { goals.flatMap { targets(ofGoal: $0.number) } }

    /// Reads a goal from how the thematic lists print it: `16 - PEACE, JUSTICE AND STRONG INSTITUTIONS`, `SDG 5`,
    /// `Goal 4`, or a target code `16.9`.
    public static func goal(parsing raw: String) -> Int? {
        var text = raw.uppercased().drop { $0 == "-" || $0 == " " }
        for prefix in ["SDG", "GOAL"] where text.hasPrefix(prefix) {
            text = text.dropFirst(prefix.count).drop { $0 == " " || $0 == ":" }
        }
        let digits = text.prefix { $0.isNumber }
        guard let number = Int(digits), (1...17).contains(number) else { return nil }
        return number
    }
}
