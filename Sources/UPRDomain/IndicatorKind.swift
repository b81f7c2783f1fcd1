/// OHCHR's three kinds of human-rights indicator (HR/PUB/12/5): a commitment in law or policy, the effort made to
/// meet it, and the result for the people concerned.
public enum IndicatorKind: String, Sendable, Codable, CaseIterable, Hashable {
    case structural
    case process
    case outcome

    public var labelKey: String { "indicatorKind.\(rawValue)" }
}
