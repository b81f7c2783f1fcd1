/// The ways a measurement can be broken down, as SDG 17.18 and OHCHR's guide name them.
public enum DisaggregationDimension: String, Sendable, Codable, CaseIterable, Hashable {
    case sex
    case age
    case region
    case disability
    case residence
    case ethnicity

    public var labelKey: String { "dimension.\(rawValue)" }
}
